/**
 * `fn-codemod precommit`: what the pre-commit hook runs.
 *
 * 1. `env --check` when the project has a `.env.example`.
 * 2. ESLint on the staged JS/TS files only, linting their staged content (what will be
 *    committed), not the working tree's.
 *
 * Prints the findings and a summary; a non-zero exit blocks the commit. ESLint warnings
 * are shown but do not block; errors do.
 */
import { existsSync, realpathSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { exitCodes } from '../exit-codes.js';
import { SCHEMA_FILE } from '../env/env-files.js';
import { processOutput, runEnv, type Output } from '../env/run-env.js';
import { GitError, gitTopLevel, stagedContent, stagedPaths } from './git.js';
import { EslintSetupError, loadProjectEslint, type LintResult } from './project-eslint.js';

export const LINTED_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

export interface PrecommitOptions {
  readonly cwd: string;
  /** `env --out` of the project, when its generated env files are not in the default place. */
  readonly envOut?: string;
}

type StepResult = { readonly ok: boolean; readonly summary: string };

export async function runPrecommit(options: PrecommitOptions, io: Output = processOutput): Promise<number> {
  let cwd: string;
  let topLevel: string;
  try {
    cwd = realpathSync(options.cwd);
    topLevel = realpathSync(gitTopLevel(cwd));
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    io.err(`fn-codemod precommit: ${error.message}; it checks what is staged for a commit.`);
    return exitCodes.usage;
  }

  const steps: [string, StepResult][] = [];
  steps.push(['env types', await checkEnv(cwd, options.envOut, io)]);
  steps.push(['ESLint', await lintStaged(cwd, topLevel, io)]);

  const failed = steps.some(([, step]) => !step.ok);
  io.err('');
  io.err('fn-kit pre-commit:');
  for (const [name, step] of steps) io.err(`  ${name.padEnd(10)} ${step.ok ? 'ok  ' : 'FAIL'}  ${step.summary}`);
  if (failed) io.err('Commit blocked: fix the problems above, stage the fixes, and commit again.');
  return failed ? exitCodes.failure : exitCodes.ok;
}

async function checkEnv(cwd: string, envOut: string | undefined, io: Output): Promise<StepResult> {
  if (!existsSync(join(cwd, SCHEMA_FILE))) return { ok: true, summary: `skipped (no ${SCHEMA_FILE})` };
  const code = await runEnv({ cwd, check: true, force: false, ...(envOut === undefined ? {} : { out: envOut }) }, {
    out: () => undefined,
    err: (text) => io.err(text),
  });
  return code === exitCodes.ok
    ? { ok: true, summary: 'generated env files are up to date' }
    : { ok: false, summary: 'stale or invalid: run `npx fn-codemod env` and stage the result' };
}

async function lintStaged(cwd: string, topLevel: string, io: Output): Promise<StepResult> {
  const files = stagedPaths(topLevel)
    .filter((path) => LINTED_EXTENSIONS.has(extname(path).toLowerCase()))
    .map((path) => ({ path, absolute: join(topLevel, path) }))
    .filter(({ absolute }) => !relative(cwd, absolute).startsWith(`..${sep}`));
  if (files.length === 0) return { ok: true, summary: 'skipped (no staged JS/TS files)' };

  let setup: Awaited<ReturnType<typeof loadProjectEslint>>;
  try {
    setup = await loadProjectEslint(cwd, topLevel);
  } catch (error) {
    if (!(error instanceof EslintSetupError)) throw error;
    io.err(`fn-codemod precommit: ${error.message}`);
    return { ok: false, summary: 'could not run ESLint' };
  }
  const { eslint } = setup;

  const results: LintResult[] = [];
  for (const file of files) {
    if (await eslint.isPathIgnored(file.absolute)) continue;
    results.push(...(await eslint.lintText(stagedContent(topLevel, file.path), { filePath: file.absolute, warnIgnored: false })));
  }
  if (setup.configFile && results.length > 0) await noteMissingRules(setup.configFile, eslint, results, io);

  const formatter = await eslint.loadFormatter('stylish');
  const report = await formatter.format(results);
  if (report.trim() !== '') io.out(report.replace(/\n+$/, ''));

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const config = setup.configFile ? relative(cwd, setup.configFile) || setup.configFile : "fn-kit's recommended config";
  const counted = `${results.length} staged file${results.length === 1 ? '' : 's'} (${config})`;
  if (errors === 0) {
    return { ok: true, summary: `${counted}: ${warnings === 0 ? 'no problems' : `${plural(warnings, 'warning')}, no errors`}` };
  }
  return { ok: false, summary: `${counted}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` };
}

/** A project config that enables no fn/ rule lints, but not for what fn-kit is about: say so once. */
async function noteMissingRules(configFile: string, eslint: { calculateConfigForFile(path: string): Promise<{ rules?: Record<string, unknown> } | undefined> }, results: LintResult[], io: Output): Promise<void> {
  const first = results[0];
  if (!first) return;
  const config = await eslint.calculateConfigForFile(first.filePath);
  const rules = Object.keys(config?.rules ?? {});
  if (!rules.some((rule) => rule.startsWith('fn/'))) {
    io.err(`note: ${configFile} enables no fn/ rules; add fn-kit's configs.recommended to it (see docs/env.md).`);
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
