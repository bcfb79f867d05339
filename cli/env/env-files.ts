/**
 * Reads the env files of a project: `.env.example` (the schema) and, for their variable
 * names only, the usual dotenv files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvFileText } from './schema.js';

export const SCHEMA_FILE = '.env.example';
export const NAME_ONLY_FILES: readonly string[] = ['.env', '.env.local', '.env.development', '.env.production', '.env.test'];

export interface ProjectEnvFiles {
  readonly example: EnvFileText;
  readonly others: readonly EnvFileText[];
}

/** undefined when the project has no `.env.example`. */
export function readProjectEnvFiles(projectDir: string): ProjectEnvFiles | undefined {
  const example = readIfExists(projectDir, SCHEMA_FILE);
  if (!example) return undefined;
  const others = NAME_ONLY_FILES.map((name) => readIfExists(projectDir, name)).filter((f) => f !== undefined);
  return { example, others };
}

function readIfExists(dir: string, name: string): EnvFileText | undefined {
  try {
    return { name, text: readFileSync(join(dir, name), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
