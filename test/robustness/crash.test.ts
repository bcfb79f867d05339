/**
 * No rule and no codemod crashes on real code: every rule of the plugin (all enabled, with
 * fix) and every codemod of the registry (through the CLI runner's applyTransform; on the
 * fixtures and part of the sample also past their text filter) over the repo's fixtures and examples and a fixed
 * sample of the installed packages' code. Fix, suggestion and codemod outputs must parse, and a
 * second pass must change nothing. The full corpus run is `npm run robustness`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { TRANSFORM_NAMES, loadTransform } from '../../codemods/index.js';
import { applyTransform } from '../../cli/runner/apply.js';
import { jscodeshiftFor, parserFor } from '../../cli/runner/parsers.js';
import { createCodemodChecker } from '../../bench/lib/check-codemod.mjs';
import { createLintChecker } from '../../bench/lib/check-lint.mjs';
import { fixtureFiles, installedCodeSample, repoRoot } from './files.js';

const SAMPLE_SIZE = 300;
/**
 * Files on which each transform also runs past its text filter (so it parses and walks
 * real code, and a filter false negative shows up); the rest go through the filter as in a
 * CLI run. Every transform parsing every file would not fit the test's time budget.
 */
const UNFILTERED_SAMPLE = 60;
const TIMEOUT = 180_000;

interface Problem {
  file: string;
  rule?: string;
  codemod?: string;
  message?: string;
  stage?: string;
  error?: string;
  stack?: string;
  rules?: string;
}

const show = (problems: Problem[]): string =>
  problems
    .map((p) => {
      const who = p.rule ?? p.codemod ?? '';
      const what = p.message ?? (p.stage ? `${p.stage}: ${p.error}` : p.rules ?? p.error ?? '');
      const stack = p.stack ? `\n    ${p.stack.split('\n').slice(0, 6).join('\n    ')}` : '';
      return `${who} on ${relative(repoRoot, p.file)}: ${what}${stack}`;
    })
    .join('\n');

let rules: Record<string, unknown> = {};
let ruleNames: string[] = [];
let fixtures: string[] = [];
let sample: string[] = [];

beforeAll(async () => {
  // The plugin's rules, plus rule files not wired into the plugin yet (named by file).
  rules = { ...plugin.rules };
  for (const file of readdirSync(join(repoRoot, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
    const name = file.slice(0, -'.ts'.length);
    if (!(name in rules)) rules[name] = ((await import(`../../rules/${name}.ts`)) as { default: unknown }).default;
  }
  ruleNames = Object.keys(rules);
  fixtures = fixtureFiles();
  sample = installedCodeSample(SAMPLE_SIZE);
});

describe('robustness: rules', () => {
  async function checkAll(files: string[]) {
    const lint = createLintChecker({ plugin: { ...plugin, rules }, ruleNames, cwd: repoRoot });
    const totals = { crashes: [] as Problem[], corruptions: [] as Problem[], unstable: [] as Problem[], parsed: 0, fixed: 0 };
    for (const file of files) {
      const report = await lint.checkFile(file, readFileSync(file, 'utf8'));
      totals.crashes.push(...report.crashes);
      totals.corruptions.push(...report.corruptions);
      if (report.unstable) totals.unstable.push(report.unstable);
      if (!report.unparseable && report.crashes.length === 0) totals.parsed++;
      if (report.fixed) totals.fixed++;
    }
    return totals;
  }

  it('the plugin exports rules to check', () => {
    expect(Object.keys(plugin.rules).length).toBeGreaterThan(0);
    expect(ruleNames.length).toBeGreaterThanOrEqual(Object.keys(plugin.rules).length);
  });

  it(
    'no rule crashes on the fixtures and examples; fixes parse and are stable',
    async () => {
      expect(fixtures.length).toBeGreaterThan(0);
      const totals = await checkAll(fixtures);
      expect(show(totals.crashes)).toBe('');
      expect(show(totals.corruptions)).toBe('');
      expect(show(totals.unstable)).toBe('');
      // The fixtures hold real misuse: some autofix must have run, or the check proved nothing.
      expect(totals.fixed).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    `no rule crashes on ${SAMPLE_SIZE} files of installed packages; fixes parse and are stable`,
    async () => {
      expect(sample.length).toBe(SAMPLE_SIZE);
      const totals = await checkAll(sample);
      expect(show(totals.crashes)).toBe('');
      expect(show(totals.corruptions)).toBe('');
      expect(show(totals.unstable)).toBe('');
      expect(totals.parsed).toBeGreaterThan(SAMPLE_SIZE * 0.9);
    },
    TIMEOUT,
  );
});

describe('robustness: codemods', () => {
  it(
    'every codemod of the registry, on the fixtures and the installed-code sample: no crash, outputs parse, a second run changes nothing',
    async () => {
      // A transform whose file exists must load; one not written yet is left out (and named).
      const codemods = [];
      const absent = TRANSFORM_NAMES.filter((name) => !existsSync(join(repoRoot, 'codemods', `${name}.ts`)));
      for (const name of TRANSFORM_NAMES) if (!absent.includes(name)) codemods.push({ name, module: await loadTransform(name) });
      if (absent.length) console.warn(`robustness: codemods not written yet: ${absent.join(', ')}`);
      expect(codemods.length).toBeGreaterThan(0);
      const parsers = { jscodeshiftFor, parserFor };
      const unfiltered = createCodemodChecker({ codemods, applyTransform, parsers, exhaustive: true });
      const filtered = createCodemodChecker({ codemods, applyTransform, parsers, exhaustive: false });
      const problems = { crashes: [] as Problem[], corruptions: [] as Problem[], unstable: [] as Problem[], filterMisses: [] as Problem[] };
      let changed = 0;
      const files = [...fixtures, ...sample];
      for (const [index, file] of files.entries()) {
        const checker = index < fixtures.length + UNFILTERED_SAMPLE ? unfiltered : filtered;
        const report = await checker.checkFile(file, readFileSync(file, 'utf8'));
        problems.crashes.push(...report.crashes);
        problems.corruptions.push(...report.corruptions);
        problems.unstable.push(...report.unstable);
        problems.filterMisses.push(...report.filterMisses);
        changed += report.changed.length;
      }
      expect(show(problems.crashes)).toBe('');
      expect(show(problems.corruptions)).toBe('');
      expect(show(problems.unstable)).toBe('');
      expect(show(problems.filterMisses)).toBe('');
      // The codemod fixtures' inputs must be rewritten, or the transforms never really ran.
      expect(changed).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
