// Typed lint: the plugin's configs['recommended-type-checked'] (B) vs. typescript-eslint's
// @typescript-eslint/no-floating-promises alone (A), same files, same project service.
// Target (SPEC "Quality bars"): B/A at most 1.05.
import { ESLint } from 'eslint';
import { alternateSlices } from './lib/ab.mjs';
import { discoverPlugin, pluginConfig } from './lib/discover.mjs';
import { NO_FLOATING_PROMISES, parserConfig } from './lib/lint-configs.mjs';
import { ruleTimes, shareOf } from './lib/rule-time.mjs';
import { fmtMs, fmtRange, fmtRatio } from './lib/stats.mjs';

export const TYPED_TARGET = 1.05;
/** Files per A/B pair (see lint.mjs): more, shorter pairs. */
const SLICE_SIZE = 100;
const LABEL = 'typed lint: recommended-type-checked / no-floating-promises';

/** The parser with type information from the tsconfig.json under `tsconfigRootDir`. */
export const typedBase = (tsconfigRootDir) => parserConfig({ projectService: true, tsconfigRootDir });

async function lintOnce(cwd, files, overrideConfig) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, cache: false });
  return eslint.lintFiles(files);
}

function fatalCount(results) {
  return results.reduce((sum, result) => sum + result.messages.filter((message) => message.fatal).length, 0);
}

async function benchTypedOn({ label, cwd, files, pairs, log, typed }) {
  const base = typedBase(cwd);
  const floating = [...base, NO_FLOATING_PROMISES];
  const withPlugin = [...base, ...typed];
  const target = `<= ${fmtRatio(TYPED_TARGET)}`;
  log(`  typed lint ${label} (${files.length} files, ${pairs} rounds; warm-up first)`);
  const warmA = await lintOnce(cwd, files, floating);
  await lintOnce(cwd, files, withPlugin);
  const slices = [];
  for (let i = 0; i < files.length; i += SLICE_SIZE) slices.push(files.slice(i, i + SLICE_SIZE));
  const result = await alternateSlices({
    rounds: pairs,
    slices,
    log,
    runA: (slice) => lintOnce(cwd, slice, floating),
    runB: (slice) => lintOnce(cwd, slice, withPlugin),
  });
  const ratio = result.cpu.ratio.median;
  const status = ratio <= TYPED_TARGET ? 'PASS' : 'MISS';
  const fatal = fatalCount(warmA);
  // Where the time goes (ESLint stats, one extra run per side, the project service warm).
  const statsA = await ruleTimes(cwd, files, floating);
  const statsB = await ruleTimes(cwd, files, withPlugin);
  const theirs = shareOf(statsA, '@typescript-eslint/');
  const ours = shareOf(statsB, 'fn/');
  const cost =
    `${label}: time inside rule listeners (ESLint stats, one run per side): A's no-floating-promises ${fmtMs(theirs.ms)} of ${fmtMs(statsA.total)} lint time ` +
    `(${(100 * theirs.share).toFixed(1)}%); B's fn rules ${fmtMs(ours.ms)} of ${fmtMs(statsB.total)} (${(100 * ours.share).toFixed(1)}%${ours.top.length ? `: ${ours.top.join(', ')}` : ''}). ` +
    'The rest of each side is parsing with type information, the same work on both.';
  return {
    row: [label, `${files.length} (${result.pairs} pairs)`, fmtRange(result.a, fmtMs), fmtRange(result.b, fmtMs), fmtRange(result.ratio, fmtRatio), fmtRange(result.cpu.ratio, fmtRatio), target, status],
    check: {
      label: `${LABEL}, ${label}`,
      measured: `${fmtRatio(ratio)} CPU (min ${fmtRatio(result.cpu.ratio.min)}, max ${fmtRatio(result.cpu.ratio.max)}); wall ${fmtRatio(result.ratio.median)} (min ${fmtRatio(result.ratio.min)}, max ${fmtRatio(result.ratio.max)})`,
      target,
      status,
    },
    notes: [cost, ...(fatal ? [`${label}: ${fatal} files failed to parse with type information (same files on both sides).`] : [])],
  };
}

/** @param {{ targets: { label: string, cwd: string, files: string[] }[], pairs: number, log: (line: string) => void }} options */
export async function benchTypedLint({ targets, pairs, log }) {
  const section = {
    title: "Typed lint: configs['recommended-type-checked'] vs. no-floating-promises",
    description:
      'Per code base, the files with a tsconfig.json of their own (the synthetic app\'s; for the corpus sample, a copy of the files ' +
      'under a generated `allowJs` tsconfig), `parserOptions.projectService: true` on both sides. A = `@typescript-eslint/no-floating-promises` alone; ' +
      "B = the plugin's `configs['recommended-type-checked']`. A fresh `ESLint` instance per run; " +
      "typescript-eslint's project service lives for the process on both sides, so after the untimed warm-up " +
      'the runs measure parsing with type information plus the rules. Each round lints the files in ' +
      `slices of ${SLICE_SIZE} as A/B pairs in alternating order; ratios are per slice pair, wall times are round totals (min / median / max); ` +
      'the verdict uses the CPU-time ratio, as for the lint benchmark above.',
    table: { head: ['code base', 'files', 'A: no-floating-promises (wall)', 'B: recommended-type-checked (wall)', 'B/A wall', 'B/A CPU', 'target', 'result'], rows: [] },
    checks: [],
    notes: [],
  };
  const typed = pluginConfig(await discoverPlugin(), 'recommended-type-checked');
  if (!typed.ok) {
    section.checks.push({ label: LABEL, measured: typed.reason, target: `<= ${fmtRatio(TYPED_TARGET)}`, status: 'N/A' });
    return section;
  }
  for (const target of targets) {
    const { row, check, notes } = await benchTypedOn({ ...target, pairs, log, typed: typed.config });
    section.table.rows.push(row);
    section.checks.push(check);
    section.notes.push(...notes);
  }
  return section;
}
