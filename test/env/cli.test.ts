// The built CLI end to end (needs `npm run build`; npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, snapshotDir, tempProject } from './helpers.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('fn-codemod env (built CLI)', () => {
  let dir = '';
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`build fn-kit first (npm run build): ${BIN} is missing`);
    dir = tempProject({ '.env.example': '# @type number\nPORT=3000\n', 'src/app.ts': '' });
  });
  afterAll(() => removeDir(dir));

  it('generates, then --check passes with exit 0', () => {
    expect(cli(dir, 'env').status).toBe(0);
    const check = cli(dir, 'env', '--check');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('src/env.generated.ts and src/process-env.generated.d.ts are up to date');
  });

  it('--check exits 1 and names the file when stale, writing nothing', () => {
    writeFileSync(join(dir, '.env.example'), '# @type number\nPORT=3000\nHOST=\n');
    const before = snapshotDir(dir);
    const check = cli(dir, 'env', '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('src/env.generated.ts is out of date with .env.example; variables: HOST (added)');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('bad input exits 1 with file:line on stderr', () => {
    writeFileSync(join(dir, '.env.example'), '# @type number\n# @default abc\nPORT=3000\n');
    const result = cli(dir, 'env');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('.env.example:2: @default does not match @type number for PORT');
  });

  it('usage errors exit 2', () => {
    expect(cli(dir, 'env', '--chek').status).toBe(2);
    expect(cli(dir, 'precommit', '--nope').status).toBe(2);
    expect(cli(dir, 'hook').status).toBe(2);
    expect(cli(dir, 'hook', 'nonsense').status).toBe(2);
  });
});
