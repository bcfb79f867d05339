/**
 * Reads the env files of a project: `.env.example` (the schema) and, for their variable
 * names only, the usual dotenv files.
 */
import { join } from 'node:path';
import { readFromDisk, type ReadText } from './read-text.js';
import type { EnvFileText } from './schema.js';

export const SCHEMA_FILE = '.env.example';
export const NAME_ONLY_FILES: readonly string[] = ['.env', '.env.local', '.env.development', '.env.production', '.env.test'];

export interface ProjectEnvFiles {
  readonly example: EnvFileText;
  readonly others: readonly EnvFileText[];
}

/** undefined when the project has no `.env.example`. */
export function readProjectEnvFiles(projectDir: string, read: ReadText = readFromDisk): ProjectEnvFiles | undefined {
  const load = (name: string): EnvFileText | undefined => {
    const text = read(join(projectDir, name));
    return text === undefined ? undefined : { name, text };
  };
  const example = load(SCHEMA_FILE);
  if (!example) return undefined;
  const others = NAME_ONLY_FILES.map(load).filter((f) => f !== undefined);
  return { example, others };
}
