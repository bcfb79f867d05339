/**
 * Where the generated files go. Default: `src/` when the project has one, else the project
 * root; `--out <dir>` overrides. The names carry `.generated` so they never clash with a
 * hand-written `env.ts`, and the two base names differ because TypeScript ignores a
 * `x.d.ts` that sits beside an `x.ts`.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATED_ENV_MODULE } from '../../lib/env-facts.js';

export const MODULE_FILE_NAME = `${GENERATED_ENV_MODULE}.ts`;
export const DECLARATION_FILE_NAME = 'process-env.generated.d.ts';

export interface OutputPaths {
  readonly dir: string;
  /** The typed accessors: `env`, `clientEnv`, `systemEnv`. */
  readonly module: string;
  /** The `NodeJS.ProcessEnv` augmentation. */
  readonly declaration: string;
}

export function resolveOutputPaths(projectDir: string, out?: string): OutputPaths {
  const dir = out === undefined ? defaultDir(projectDir) : resolve(projectDir, out);
  return { dir, module: join(dir, MODULE_FILE_NAME), declaration: join(dir, DECLARATION_FILE_NAME) };
}

function defaultDir(projectDir: string): string {
  const src = join(projectDir, 'src');
  try {
    if (statSync(src).isDirectory()) return src;
  } catch {
    // no src/: the project root
  }
  return projectDir;
}
