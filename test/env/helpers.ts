import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Output } from '../../cli/env/run-env.js';

export const RICH_DIR = fileURLToPath(new URL('./fixtures/rich/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(join(RICH_DIR, name), 'utf8');
}

/** A temporary directory holding `files` (path -> content). */
export function tempProject(files: Record<string, string>, prefix = 'fn-env-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` with its bytes (base64) and mode: equal snapshots mean nothing changed. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        out[`${relative(dir, full)}/`] = 'dir';
        walk(full);
      } else {
        out[relative(dir, full)] = `${statSync(full).mode}:${readFileSync(full).toString('base64')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/** Collects what a command prints. */
export function captureOutput(): Output & { stdout: string[]; stderr: string[]; all(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    all: () => [...stdout, ...stderr].join('\n'),
  };
}
