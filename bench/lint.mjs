// Lint speed: ESLint with the typescript-eslint parser and no rules (A) vs. the same plus
// the plugin's configs.recommended (B), on the synthetic code base and on a corpus sample.
// Target (SPEC "Quality bars"): B/A at most 1.15.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { alternate } from './lib/ab.mjs';
import { discoverPlugin, pluginConfig } from './lib/discover.mjs';
import { fmtMs, fmtRange, fmtRatio } from './lib/stats.mjs';

export const LINT_TARGET = 1.15;
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
      else byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
    }
  }
  return { byRule, fatal };
}

/** One lint comparison on `files` (absolute paths) under `cwd`: a table row, a check and a note. */
async function benchLintOn({ label, cwd, files, pairs, log, recommended }) {
  const base = parserConfig();
  const withPlugin = [...base, ...recommended];

  // Warm-up (untimed): load the parser and the rules, let the JIT settle.
  const warm = files.slice(0, Math.min(100, files.length));
  await lintOnce(cwd, warm, base);
  await lintOnce(cwd, warm, withPlugin);

  let findings;
  const result = await alternate({
    pairs,
    log,
    runA: () => lintOnce(cwd, files, base),
    runB: () => lintOnce(cwd, files, withPlugin),
    onRun: (side, _ms, value) => {
      if (side === 'B' && !findings) findings = countFindings(value);
    },
  });
  const ratio = result.cpu.ratio.median;
  const status = ratio <= LINT_TARGET ? 'PASS' : 'MISS';
  const findingText = [...findings.byRule].sort().map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';
  return {
    row: [
      label,
      String(files.length),
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
    note: `${label}: findings of configs.recommended: ${findingText}${findings.fatal ? `; ${findings.fatal} files failed to parse (same for both sides)` : ''}.`,
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
      'A = parser only, no rules; B = the same plus the plugin\'s `configs.recommended`. Runs alternate A/B; ' +
      'the ratio is B/A per pair. Times are wall time, min / median / max. The verdict uses the CPU-time ratio ' +
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
