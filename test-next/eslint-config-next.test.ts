/**
 * Issue #11: the plugin's `next` config runs beside Next.js's own ESLint config in ONE
 * ESLint (flat config) run: no config error, no plugin-name clash, fn-kit's rules report
 * the planted findings and Next's rules run too, in the same results. Linted by the ESLint
 * installed in the temp app (each eslint-config-next with the ESLint it supports), from an
 * eslint.config.mjs that imports `fn-kit/eslint-plugin`, in a process of its own.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_FILES, createEslintApp, lintApp, PLANTED, type EslintConfigNext, type LintRun } from './eslint-next-app.js';
import { ESLINT_CONFIG_NEXT } from './versions.js';

function title(c: EslintConfigNext): string {
  return c.flat
    ? `eslint-config-next@${c.version} (flat config) + fn.configs.next in one run on ESLint ${c.eslint}`
    : `eslint-config-next@${c.version} (eslintrc through FlatCompat) + fn.configs.next in one run on ESLint ${c.eslint}: ` +
        'it cannot run on ESLint 10 (peer range eslint ^7.23.0 || ^8 || ^9; its @rushstack/eslint-patch throws ' +
        '"Failed to patch ESLint because the calling module was not recognized")';
}

describe.each(ESLINT_CONFIG_NEXT)('$version', (c) => {
  let dir: string;
  let run: LintRun;

  beforeAll(() => {
    dir = createEslintApp(c);
    run = lintApp(dir);
  }, 300_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it(title(c), () => {
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.version).toBe(c.eslint);
    expect([...(run.files ?? [])].sort()).toEqual([...APP_FILES].sort());
    const messages = run.messages ?? [];
    expect(messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${m.file}: ${m.message}`)).toEqual([]);

    const found = (p: (typeof PLANTED)[number]): boolean => messages.some((m) => m.file === p.file && m.ruleId === p.ruleId && m.line === p.line);
    expect(PLANTED.filter((p) => !found(p))).toEqual([]);
    // fn-kit's rules report the planted mistakes and nothing else.
    const fnFindings = messages.filter((m) => m.ruleId?.startsWith('fn/')).map((m) => `${m.file}:${m.line} ${m.ruleId}`);
    const fnPlanted = PLANTED.filter((p) => p.ruleId.startsWith('fn/')).map((p) => `${p.file}:${p.line} ${p.ruleId}`);
    expect(fnFindings.sort()).toEqual(fnPlanted.sort());
    process.stdout.write(`[test:next] eslint-config-next@${c.version} on ESLint ${c.eslint}: ${messages.map((m) => `${m.file}:${m.line} ${m.ruleId}`).join(', ')}\n`);
  });

  it('resolves one config per file with both plugins and both rule sets', () => {
    for (const file of APP_FILES) {
      const config = run.configs?.[file];
      expect(config?.plugins, file).toEqual(expect.arrayContaining(['fn', '@next/next', 'react-hooks']));
      expect(config?.rules, file).toEqual(expect.arrayContaining(['fn/no-floating-background-promise', 'fn/prefer-after', 'fn/valid-after', '@next/next/no-img-element']));
    }
  });
});
