/**
 * A throw-away project outside this repository (whose node_modules has the functions
 * packages): a package.json without any functions package, for "the import would not
 * resolve" cases. Created once per test process, removed at exit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root: string | undefined;

export function projectWithoutFunctionsPackage(file: string): string {
  if (!root) {
    const dir = mkdtempSync(join(tmpdir(), 'fn-kit-rules-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'no-functions', dependencies: { next: '15.2.0' } }));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    root = dir;
  }
  return join(root, file);
}
