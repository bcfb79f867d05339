// Lint speed: ESLint with the typescript-eslint parser and no rules (A) vs. the same plus
// the plugin's configs.recommended (B), on the synthetic code base and on a corpus sample.
// Target (SPEC "Quality bars"): B/A at most 1.15.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { alternateSlices } from './lib/ab.mjs';
import { discoverPlugin, pluginConfig } from './lib/discover.mjs';
import { fmtMs, fmtRange, fmtRatio } from './lib/stats.mjs';

export const LINT_TARGET = 1.15;
/** A rule that does nothing: what ESLint charges for running rules at all. */
const NOOP_CONFIG = {
  plugins: { 'bench-noop': { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } } },
  rules: { 'bench-noop/noop': 'error' },
};

/** Files per A/B pair: short pairs, so a burst of load from other processes hits one pair. */
const SLICE_SIZE = 250;
export const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}';

/** Same parser and options for both sides; the only difference is the plugin config. */
export function parserConfig() {
  return [
    {
      files: [SOURCE_GLOB],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
}

async function lintOnce(cwd, files, overrideConfig) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, cache: false, errorOnUnmatchedPattern: false });
  return eslint.lintFiles(files);
}

/** Findings per rule, plus fatal (parse) errors, so the table shows the plugin did real work. */
function countFindings(results) {
  const byRule = new Map();
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      else {
        // Third-party code names rules of other plugins in eslint-disable comments; ESLint
        // reports those as unknown rules once any rule runs.
        const rule = message.ruleId?.startsWith('fn/') ? message.ruleId : 'other (inline directives naming rules not loaded)';
        byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      }
    }
  }
  return { byRule, fatal };
}

/**
 * Diagnostic (not part of the verdict): one run of B with ESLint's `stats` on, for the share
 * of lint time spent inside each plugin rule's listeners. What B costs beyond that is
 * ESLint's own fixed cost of running any rule (the AST traversal that emits node events,
 * rule contexts), which a no-rules baseline never pays.
 */
async function ruleTimeShare(cwd, files, overrideConfig) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, cache: false, stats: true });
  const results = await eslint.lintFiles(files);
  let total = 0;
  const byRule = new Map();
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      total += pass.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) byRule.set(rule, (byRule.get(rule) ?? 0) + time.total);
    }
  }
  const rules = [...byRule.values()].reduce((sum, ms) => sum + ms, 0);
  const top = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([rule, ms]) => `${rule} ${((100 * ms) / total).toFixed(1)}%`);
  return { share: total ? rules / total : 0, top };
}

/** One lint comparison on `files` (absolute paths) under `cwd`: a table row, a check and a note. */
async function benchLintOn({ label, cwd, files, pairs, log, recommended }) {
  const base = parserConfig();
  const withPlugin = [...base, ...recommended];

  // Warm-up (untimed): load the parser and the rules, let the JIT settle.
  const warm = files.slice(0, Math.min(100, files.length));
  await lintOnce(cwd, warm, base);
  await lintOnce(cwd, warm, withPlugin);

  const slices = [];
  for (let i = 0; i < files.length; i += SLICE_SIZE) slices.push(files.slice(i, i + SLICE_SIZE));
  const findings = { byRule: new Map(), fatal: 0 };
  let counted = 0;
  const result = await alternateSlices({
    rounds: pairs,
    slices,
    log,
    runA: (slice) => lintOnce(cwd, slice, base),
    runB: (slice) => lintOnce(cwd, slice, withPlugin),
    onRun: (side, value) => {
      // Count the findings of the first round only (every round lints the same files).
      if (side !== 'B' || counted >= slices.length) return;
      counted++;
      const slice = countFindings(value);
      findings.fatal += slice.fatal;
      for (const [rule, count] of slice.byRule) findings.byRule.set(rule, (findings.byRule.get(rule) ?? 0) + count);
    },
  });
  const ratio = result.cpu.ratio.median;
  const status = ratio <= LINT_TARGET ? 'PASS' : 'MISS';
  const share = await ruleTimeShare(cwd, files, withPlugin);
  // Diagnostic: ESLint's own price of enabling any rule, with a rule that does nothing.
  const noop = await alternateSlices({ rounds: 1, slices, runA: (slice) => lintOnce(cwd, slice, base), runB: (slice) => lintOnce(cwd, slice, [...base, NOOP_CONFIG]) });
  const findingText = [...findings.byRule].sort().map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';
  return {
    row: [
      label,
      `${files.length} (${result.pairs} pairs)`,
      fmtRange(result.a, fmtMs),
      fmtRange(result.b, fmtMs),
      fmtRange(result.ratio, fmtRatio),
      fmtRange(result.cpu.ratio, fmtRatio),
      `<= ${fmtRatio(LINT_TARGET)}`,
      status,
    ],
    check: {
      label: `lint, ${label}: recommended / no rules`,
      measured: `${fmtRatio(ratio)} CPU (min ${fmtRatio(result.cpu.ratio.min)}, max ${fmtRatio(result.cpu.ratio.max)}); wall ${fmtRatio(result.ratio.median)} (min ${fmtRatio(result.ratio.min)}, max ${fmtRatio(result.ratio.max)})`,
      target: `<= ${fmtRatio(LINT_TARGET)}`,
      status,
    },
    note:
      `${label}: findings of configs.recommended: ${findingText}${findings.fatal ? `; ${findings.fatal} files failed to parse (same for both sides)` : ''}. ` +
      `Time inside the plugin's rule listeners (ESLint stats, one extra run of B): ${(100 * share.share).toFixed(1)}% of B's lint time` +
      `${share.top.length ? ` (${share.top.join(', ')})` : ''}. ` +
      `For scale, ESLint's fixed cost of running any rule: a no-op rule (one empty \`Program\` listener) measured ${fmtRatio(noop.cpu.ratio.median)} CPU ` +
      `(min ${fmtRatio(noop.cpu.ratio.min)}, max ${fmtRatio(noop.cpu.ratio.max)}) against the same no-rules baseline, one extra round.`,
  };
}

/**
 * @param {{ targets: { label: string, cwd: string, files: string[] }[], pairs: number, log: (line: string) => void }} options
 */
export async function benchLint({ targets, pairs, log }) {
  const section = {
    title: 'Lint: configs.recommended vs. no rules',
    description:
      'ESLint Node API, a fresh `ESLint` instance per run, cache off, the typescript-eslint parser on both sides. ' +
      'A = parser only, no rules; B = the same plus the plugin\'s `configs.recommended`. Each round lints the files in ' +
      `slices of ${SLICE_SIZE}, each slice as an A/B pair in alternating order; the ratio is B/A per slice pair ` +
      '(min / median / max over all pairs). Times are whole-round wall totals, min / median / max over rounds. ' +
      'The verdict uses the median CPU-time ratio ' +
      '(this process, user + system, all its threads): ESLint runs single-threaded in this process, so its CPU time is ' +
      'its cost, while wall time on a shared 2-core machine also counts the time other processes held the cores. ' +
      'Both ratios are shown; on an idle machine they agree.',
    table: { head: ['code base', 'files', 'A: no rules (wall)', 'B: + recommended (wall)', 'B/A wall', 'B/A CPU', 'target', 'result'], rows: [] },
    checks: [],
    notes: [],
  };
  const discovered = await discoverPlugin();
  const recommended = pluginConfig(discovered, 'recommended');
  if (!recommended.ok) {
    section.checks.push({ label: 'lint: recommended / no rules', measured: recommended.reason, target: `<= ${fmtRatio(LINT_TARGET)}`, status: 'N/A' });
    return section;
  }
  for (const target of targets) {
    if (target.unavailable) {
      section.checks.push({ label: `lint, ${target.label}`, measured: target.unavailable, target: `<= ${fmtRatio(LINT_TARGET)}`, status: 'N/A' });
      continue;
    }
    log(`  lint ${target.label} (${target.files.length} files, ${pairs} pairs)`);
    const { row, check, note } = await benchLintOn({ ...target, pairs, log, recommended: recommended.config });
    section.table.rows.push(row);
    section.checks.push(check);
    section.notes.push(note);
  }
  return section;
}
