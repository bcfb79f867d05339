/**
 * The files the crash test runs over: every source file among the repo's fixtures and
 * examples, and a deterministic sample of real code from the installed packages (Babel,
 * typescript-eslint, ESLint, the AWS SDK, Vite, @vercel/*, @next/codemod and the rest).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableSample } from '../../bench/lib/random.mjs';
import { looksMinified } from '../../scripts/corpus.mjs';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const MAX_BYTES = 300 * 1024;

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.next') walk(path, keep, out);
    } else if (entry.isFile() && SOURCE.test(entry.name) && keep(path)) {
      out.push(path);
    }
  }
  return out;
}

/** Source files under codemods/__testfixtures__, test/<suite>/fixtures and examples. */
export function fixtureFiles(): string[] {
  const roots = [join(repoRoot, 'codemods', '__testfixtures__'), join(repoRoot, 'examples')];
  for (const suite of readdirSync(join(repoRoot, 'test'), { withFileTypes: true })) {
    if (suite.isDirectory()) roots.push(join(repoRoot, 'test', suite.name, 'fixtures'));
  }
  return roots.flatMap((dir) => walk(dir, () => true)).sort();
}

/**
 * `count` files from node_modules, the same ones on every run: no declaration files, no huge
 * or minified files. (Next.js itself cannot be a dev dependency: the registries this project
 * installs from lack some of its platform binaries, so `npm ci` could not lock it.)
 */
export function installedCodeSample(count: number): string[] {
  const dir = join(repoRoot, 'node_modules');
  const bySize = walk(dir, (path) => {
    if (/\.d\.[cm]?ts$/.test(path)) return false;
    const bytes = statSync(path).size;
    return bytes > 0 && bytes <= MAX_BYTES;
  });
  // A hash-ranked superset, so only a few times `count` files are read to drop minified ones.
  const candidates = (stableSample(bySize, count * 3, 'crash-test', (path: string) => relative(dir, path)) as string[]).map(String);
  return candidates.filter((path) => !looksMinified(readFileSync(path, 'utf8'), path)).slice(0, count);
}
