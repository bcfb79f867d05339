/**
 * --cpus: a whole number of at least 1; a bad value is a usage error (exit 2) that quotes
 * what the user typed (yargs used to turn `abc` into NaN before the check saw it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, UsageError } from '../../cli/runner/options.js';
import { cleanupTempDirs, ensureBuilt, gitRepo, runCli } from './helpers.js';

beforeAll(() => ensureBuilt());
afterAll(() => cleanupTempDirs());

describe('parseRunConfig --cpus', () => {
  it('accepts a whole number given as text or as a number', () => {
    expect(parseRunConfig({ transform: 'geo-ip-to-functions', cpus: '4' }).cpus).toBe(4);
    expect(parseRunConfig({ transform: 'geo-ip-to-functions', cpus: 2 }).cpus).toBe(2);
    expect(parseRunConfig({ transform: 'geo-ip-to-functions' }).cpus).toBeUndefined();
  });

  it.each(['abc', '0', '-1', '2.5', '1e3', '', '3cpus'])('rejects %j, quoting it', (raw) => {
    expect(() => parseRunConfig({ transform: 'geo-ip-to-functions', cpus: raw })).toThrow(UsageError);
    expect(() => parseRunConfig({ transform: 'geo-ip-to-functions', cpus: raw })).toThrow(`Invalid --cpus "${raw}"`);
  });
});

describe('fn-codemod --cpus', () => {
  it('shows the value the user typed, not NaN', () => {
    const dir = gitRepo({ 'a.ts': 'export const answer = 42;\n' });
    const r = runCli(['geo-ip-to-functions', '.', '--cpus', 'abc'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Invalid --cpus "abc": expected a whole number of at least 1');
    expect(r.stderr).not.toContain('NaN');
  });

  it('still runs with a valid value', () => {
    const dir = gitRepo({ 'a.ts': 'export const answer = 42;\n' });
    const r = runCli(['geo-ip-to-functions', '.', '--cpus', '1', '--json'], dir);
    expect(r.status).toBe(0);
  });
});
