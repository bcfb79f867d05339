// Lint speed against baselines a user actually has (SPEC "Quality bars"), each side by side
// in one run, on the synthetic code base and on a corpus sample:
//   - configs.recommended (project index included) vs. the same parser with one no-op rule: <= 1.10x;
//   - typescript-eslint's recommended + configs.recommended vs. typescript-eslint's recommended: <= 1.05x;
//   - reference lines (no verdict): the project index's own share (settings.fn.projectIndex
//     false vs. the default), the zero-rule baseline (see docs/benchmarks.md for why it is none),
//     and the first comparison cold, a fresh process per run, as `eslint .` in CI pays it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { alternateSlices } from './lib/ab.mjs';
import { discoverPlugin, pluginConfig } from './lib/discover.mjs';
import { INDEX_OFF, NOOP_CONFIG, TSESLINT_RECOMMENDED, parserConfig } from './lib/lint-configs.mjs';
import { ruleTimes, shareOf } from './lib/rule-time.mjs';
import { fmtMs, fmtRange, fmtRatio, summary } from './lib/stats.mjs';

export const LINT_TARGET = 1.1;
export const TSESLINT_TARGET = 1.05;

/** Files per A/B pair: short pairs, so a burst of load from other processes hits one pair. */
const SLICE_SIZE = 250;

/** The comparisons, in print order; `target: null` is a reference line without a verdict. */
function comparisons(recommended) {
  const base = parserConfig();
  const withPlugin = [...base, ...recommended];
  return [
    { name: 'recommended / no-op rule', a: 'no-op rule', b: '+ recommended', A: [...base, NOOP_CONFIG], B: withPlugin, target: LINT_TARGET, counts: true },
    {
      name: 'typescript-eslint recommended + recommended / typescript-eslint recommended',
      a: 'typescript-eslint recommended',
      b: '+ recommended',
      A: [...base, ...TSESLINT_RECOMMENDED],
      B: [...base, ...TSESLINT_RECOMMENDED, ...recommended],
      target: TSESLINT_TARGET,
    },
    {
      name: "project index share: recommended / recommended with settings.fn.projectIndex false",
      a: 'recommended, projectIndex: false',
      b: 'recommended (index on)',
      A: [...withPlugin, INDEX_OFF],
      B: withPlugin,
      target: null,
    },
    { name: 'reference: recommended / zero rules', a: 'zero rules', b: '+ recommended', A: base, B: withPlugin, target: null, rounds: 1 },
  ];
}

async function lintOnce(cwd, files, overrideConfig) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, cache: false, errorOnUnmatchedPattern: false });
  return eslint.lintFiles(files);
}

/** Findings per rule, plus fatal (parse) errors, so the table shows the plugin did real work. */
function countFindings(results, into) {
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) into.fatal++;
      else {
        // Third-party code names rules of other plugins in eslint-disable comments; ESLint
        // reports those as unknown rules once any rule runs.
        const rule = message.ruleId?.startsWith('fn/') ? message.ruleId : 'other (inline directives naming rules not loaded)';
        into.byRule.set(rule, (into.byRule.get(rule) ?? 0) + 1);
      }
    }
  }
}

const LINT_CHILD = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'lint-child.mjs');

/**
 * Reference (no verdict): what a user's `eslint .` in CI pays, a fresh process per run (module
 * loading, cold JIT, and the project index parsing every imported module once). `rounds` A/B
 * pairs in alternating order over the whole code base; CPU is each child's own.
 */
function coldRuns(cwd, files, rounds, log) {
  const dir = mkdtempSync(join(tmpdir(), 'fn-kit-bench-cold-'));
  try {
    const list = join(dir, 'files.json');
    writeFileSync(list, JSON.stringify(files));
    const run = (side) => {
      const child = spawnSync(process.execPath, [LINT_CHILD, cwd, side, list], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (child.status !== 0) throw new Error(`cold lint (${side}) failed: ${child.stderr.split('\n').slice(0, 3).join(' ')}`);
      return JSON.parse(child.stdout);
    };
    const sides = { a: [], b: [], ratios: [], wallRatios: [] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ['noop', 'recommended'] : ['recommended', 'noop'];
      const got = {};
      for (const side of order) got[side] = run(side);
      sides.a.push(got.noop.wallMs);
      sides.b.push(got.recommended.wallMs);
      sides.ratios.push(got.recommended.cpuMs / got.noop.cpuMs);
      sides.wallRatios.push(got.recommended.wallMs / got.noop.wallMs);
      log(`    cold round ${round + 1}/${rounds}: A ${got.noop.cpuMs.toFixed(0)} ms CPU, B ${got.recommended.cpuMs.toFixed(0)} ms CPU`);
    }
    return { a: summary(sides.a), b: summary(sides.b), cpu: summary(sides.ratios), wall: summary(sides.wallRatios) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const verdict = (ratio, target) => (target === null ? 'INFO' : ratio <= target ? 'PASS' : 'MISS');
const targetText = (target) => (target === null ? 'reference (no verdict)' : `<= ${fmtRatio(target)}`);

/** Every comparison on `files` (absolute paths) under `cwd`: table rows, checks and a note. */
async function benchLintOn({ label, cwd, files, pairs, log, recommended }) {
  const list = comparisons(recommended);
  // Warm-up (untimed): load the parsers and the rules of every side, let the JIT settle.
  const warm = files.slice(0, Math.min(100, files.length));
  for (const comparison of list) {
    await lintOnce(cwd, warm, comparison.A);
    await lintOnce(cwd, warm, comparison.B);
  }
  const slices = [];
  for (let i = 0; i < files.length; i += SLICE_SIZE) slices.push(files.slice(i, i + SLICE_SIZE));

  const out = { rows: [], checks: [] };
  const findings = { byRule: new Map(), fatal: 0 };
  for (const comparison of list) {
    const rounds = comparison.rounds ?? pairs;
    log(`  lint ${label}: ${comparison.name} (${rounds} rounds)`);
    let counted = 0;
    const result = await alternateSlices({
      rounds,
      slices,
      log,
      runA: (slice) => lintOnce(cwd, slice, comparison.A),
      runB: (slice) => lintOnce(cwd, slice, comparison.B),
      onRun: (side, value) => {
        // The findings of B's first round of the first comparison (every round lints the same files).
        if (!comparison.counts || side !== 'B' || counted >= slices.length) return;
        counted++;
        countFindings(value, findings);
      },
    });
    const ratio = result.cpu.ratio.median;
    const status = verdict(ratio, comparison.target);
    out.rows.push([
      label,
      comparison.name,
      `${files.length} (${result.pairs} pairs)`,
      `${comparison.a}: ${fmtRange(result.a, fmtMs)}`,
      `${comparison.b}: ${fmtRange(result.b, fmtMs)}`,
      fmtRange(result.ratio, fmtRatio),
      fmtRange(result.cpu.ratio, fmtRatio),
      targetText(comparison.target),
      status,
    ]);
    out.checks.push({
      label: `lint, ${label}: ${comparison.name}`,
      measured: `${fmtRatio(ratio)} CPU (min ${fmtRatio(result.cpu.ratio.min)}, max ${fmtRatio(result.cpu.ratio.max)}); wall ${fmtRatio(result.ratio.median)} (min ${fmtRatio(result.ratio.min)}, max ${fmtRatio(result.ratio.max)})`,
      target: targetText(comparison.target),
      status,
    });
  }
  const coldRounds = Math.max(3, pairs);
  log(`  lint ${label}: cold, a fresh process per run (${coldRounds} rounds)`);
  const cold = coldRuns(cwd, files, coldRounds, log);
  const coldName = 'cold (fresh process per run): recommended / no-op rule';
  out.rows.push([label, coldName, `${files.length} (${coldRounds} pairs)`, `no-op rule: ${fmtRange(cold.a, fmtMs)}`, `+ recommended: ${fmtRange(cold.b, fmtMs)}`, fmtRange(cold.wall, fmtRatio), fmtRange(cold.cpu, fmtRatio), targetText(null), 'INFO']);
  out.checks.push({
    label: `lint, ${label}: ${coldName}`,
    measured: `${fmtRatio(cold.cpu.median)} CPU (min ${fmtRatio(cold.cpu.min)}, max ${fmtRatio(cold.cpu.max)}); wall ${fmtRatio(cold.wall.median)} (min ${fmtRatio(cold.wall.min)}, max ${fmtRatio(cold.wall.max)})`,
    target: targetText(null),
    status: 'INFO',
  });
  const share = shareOf(await ruleTimes(cwd, files, list[0].B), 'fn/');
  const findingText = [...findings.byRule].sort().map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';
  out.note =
    `${label}: findings of configs.recommended: ${findingText}${findings.fatal ? `; ${findings.fatal} files failed to parse (same for every side)` : ''}. ` +
    `Time inside the plugin's rule listeners (ESLint stats, one extra run of configs.recommended): ${(100 * share.share).toFixed(1)}% of its lint time` +
    `${share.top.length ? ` (${share.top.join(', ')})` : ''}.`;
  return out;
}

/**
 * @param {{ targets: { label: string, cwd: string, files: string[], unavailable?: string }[], pairs: number, log: (line: string) => void }} options
 */
export async function benchLint({ targets, pairs, log }) {
  const section = {
    title: 'Lint: configs.recommended vs. baselines a user has',
    description:
      'ESLint Node API, a fresh `ESLint` instance per run, cache off, the typescript-eslint parser on every side. ' +
      'Per code base, four comparisons of A (baseline) and B: (1) A = the parser with one no-op rule (one empty `Program` listener), ' +
      "B = the parser plus the plugin's `configs.recommended`, project index included; (2) A = typescript-eslint's `recommended`, " +
      'B = the same plus `configs.recommended`; (3) reference: A = `configs.recommended` with `settings: { fn: { projectIndex: false } }`, ' +
      "B = the default (index on), so B/A is the index's own share; (4) reference, one round: A = zero rules, B = `configs.recommended`; " +
      '(5) reference: (1) as `eslint .` in CI pays it, a fresh process per run over the whole code base (module loading, a cold JIT, ' +
      "and the project index parsing each imported module once, which (1)-(4) pay only in their untimed warm-up), CPU of each child process. " +
      `Each round lints the files in slices of ${SLICE_SIZE}, each slice as an A/B pair in alternating order; the ratio is B/A per slice pair ` +
      '(min / median / max over all pairs). Times are whole-round wall totals, min / median / max over rounds. ' +
      'The verdict uses the median CPU-time ratio ' +
      '(this process, user + system, all its threads): ESLint runs single-threaded in this process, so its CPU time is ' +
      'its cost, while wall time on a shared 2-core machine also counts the time other processes held the cores. ' +
      'Both ratios are shown; on an idle machine they agree.',
    table: { head: ['code base', 'comparison', 'files', 'A (wall)', 'B (wall)', 'B/A wall', 'B/A CPU', 'target', 'result'], rows: [] },
    checks: [],
    notes: [],
  };
  const recommended = pluginConfig(await discoverPlugin(), 'recommended');
  if (!recommended.ok) {
    section.checks.push({ label: 'lint: recommended / no-op rule', measured: recommended.reason, target: `<= ${fmtRatio(LINT_TARGET)}`, status: 'N/A' });
    return section;
  }
  for (const target of targets) {
    if (target.unavailable) {
      section.checks.push({ label: `lint, ${target.label}`, measured: target.unavailable, target: `<= ${fmtRatio(LINT_TARGET)}`, status: 'N/A' });
      continue;
    }
    log(`  lint ${target.label} (${target.files.length} files, ${pairs} rounds per comparison)`);
    const { rows, checks, note } = await benchLintOn({ ...target, pairs, log, recommended: recommended.config });
    section.table.rows.push(...rows);
    section.checks.push(...checks);
    section.notes.push(note);
  }
  return section;
}
