// `env --check` on an up-to-date project must not load the generator or ts-morph (that
// is what keeps it fast): both are mocked to throw if anything imports them.
import { describe, expect, it, vi } from 'vitest';
import { runEnv } from '../../cli/env/run-env.js';
import { DECLARATION_FILE_NAME, MODULE_FILE_NAME } from '../../cli/env/output-paths.js';
import { captureOutput, readFixture, removeDir, tempProject } from './helpers.js';

vi.mock('ts-morph', () => {
  throw new Error('ts-morph was loaded');
});
vi.mock('../../cli/env/generate.js', () => {
  throw new Error('the generator was loaded');
});

describe('env --check fast path', () => {
  const files = {
    '.env.example': readFixture('.env.example'),
    '.env.local': readFixture('.env.local'),
    [MODULE_FILE_NAME]: readFixture(`expected/${MODULE_FILE_NAME}`),
    [DECLARATION_FILE_NAME]: readFixture(`expected/${DECLARATION_FILE_NAME}`),
  };

  it('answers "current" from the header hashes alone, in check and in write mode', async () => {
    const dir = tempProject(files);
    try {
      for (const check of [true, false]) {
        const io = captureOutput();
        expect(await runEnv({ cwd: dir, check, force: false }, io)).toBe(0);
        expect(io.stdout.join('\n')).toMatch(/up to date/);
      }
    } finally {
      removeDir(dir);
    }
  });

  it('does load the generator when something is stale (so the mock above is effective)', async () => {
    const dir = tempProject({ ...files, '.env.example': `${files['.env.example']}\nEXTRA=\n` });
    try {
      const error: unknown = await runEnv({ cwd: dir, check: true, force: false }, captureOutput()).catch((e: unknown) => e);
      expect(String((error as Error).cause ?? error)).toMatch(/was loaded/);
    } finally {
      removeDir(dir);
    }
  });
});
