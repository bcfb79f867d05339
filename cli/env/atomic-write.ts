/**
 * Writes a set of files all-or-nothing as far as the file system allows: every file goes
 * to a temporary file beside its target first, and only when all of them are written are
 * they renamed into place (a rename within a directory is atomic).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

export function writeFilesAtomically(files: readonly FileToWrite[]): void {
  const staged: { temp: string; path: string }[] = [];
  let renamed = 0;
  try {
    for (const file of files) {
      const dir = dirname(file.path);
      mkdirSync(dir, { recursive: true });
      const temp = join(dir, `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      writeFileSync(temp, file.content, { flag: 'wx' });
      staged.push({ temp, path: file.path });
    }
    for (const { temp, path } of staged) {
      renameSync(temp, path);
      renamed++;
    }
  } finally {
    for (const { temp } of staged.slice(renamed)) rmSync(temp, { force: true });
  }
}
