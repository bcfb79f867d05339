/** How the env command reads files: from disk by default; the pre-commit check reads staged content. */
import { readFileSync } from 'node:fs';

/** The file's text, or undefined when it does not exist. */
export type ReadText = (path: string) => string | undefined;

export const readFromDisk: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};
