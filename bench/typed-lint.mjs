// Typed lint: the plugin's configs['recommended-type-checked'] (B) vs. typescript-eslint's
// @typescript-eslint/no-floating-promises alone (A), same files, same project service.
// Target (SPEC "Quality bars"): B costs no more than A (B/A <= 1.00).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { alternateSlices } from './lib/ab.mjs';
import { discoverPlugin, pluginConfig } from './lib/discover.mjs';
import { fmtMs, fmtRange, fmtRatio } from './lib/stats.mjs';
import { SOURCE_GLOB } from './lint.mjs';

export const TYPED_TARGET = 1.0;
/** Files per A/B pair (see lint.mjs): more, shorter pairs. */
const SLICE_SIZE = 100;

function typedBase(tsconfigRootDir) {
  return [
    {
      files: [SOURCE_GLOB],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir, ecmaFeatures: { jsx: true } },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
}

async function lintOnce(cwd, files, overrideConfig) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, cache: false });
  return eslint.lintFiles(files);
}

function fatalCount(results) {
  return results.reduce((sum, result) => sum + result.messages.filter((message) => message.fatal).length, 0);
}

/** @param {{ cwd: string, files: string[], pairs: number, log: (line: string) => void }} options */
export async function benchTypedLint({ cwd, files, pairs, log }) {
  const target = `<= ${fmtRatio(TYPED_TARGET)}`;
  const section = {
    title: "Typed lint: configs['recommended-type-checked'] vs. no-floating-promises",
    description:
      `The same ${files.length} files of the synthetic code base with their own tsconfig.json, ` +
      '`parserOptions.projectService: true` on both sides. A = `@typescript-eslint/no-floating-promises` alone; ' +
      "B = the plugin's `configs['recommended-type-checked']`. A fresh `ESLint` instance per run; " +
      "typescript-eslint's project service lives for the process on both sides, so after the untimed warm-up " +
      'the runs measure parsing with type information plus the rules. Each round lints the files in ' +
      `slices of ${SLICE_SIZE} as A/B pairs in alternating order; ratios are per slice pair, wall times are round totals (min / median / max); ` +
      'the verdict uses the CPU-time ratio, as for the lint benchmark above.',
    table: { head: ['files', 'A: no-floating-promises (wall)', 'B: recommended-type-checked (wall)', 'B/A wall', 'B/A CPU', 'target', 'result'], rows: [] },
    checks: [],
    notes: [],
  };
  const typed = pluginConfig(await discoverPlugin(), 'recommended-type-checked');
  if (!typed.ok) {
    section.checks.push({ label: 'typed lint: recommended-type-checked / no-floating-promises', measured: typed.reason, target, status: 'N/A' });
    return section;
  }
  const base = typedBase(cwd);
  const floating = [...base, { plugins: { '@typescript-eslint': tseslint.plugin }, rules: { '@typescript-eslint/no-floating-promises': 'error' } }];
  const withPlugin = [...base, ...typed.config];

  log(`  typed lint (${files.length} files, ${pairs} pairs; warm-up first)`);
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
  section.table.rows.push([
    `${files.length} (${result.pairs} pairs)`,
    fmtRange(result.a, fmtMs),
    fmtRange(result.b, fmtMs),
    fmtRange(result.ratio, fmtRatio),
    fmtRange(result.cpu.ratio, fmtRatio),
    target,
    status,
  ]);
  section.checks.push({
    label: 'typed lint: recommended-type-checked / no-floating-promises',
    measured: `${fmtRatio(ratio)} CPU (min ${fmtRatio(result.cpu.ratio.min)}, max ${fmtRatio(result.cpu.ratio.max)}); wall ${fmtRatio(result.ratio.median)} (min ${fmtRatio(result.ratio.min)}, max ${fmtRatio(result.ratio.max)})`,
    target,
    status,
  });
  const fatal = fatalCount(warmA);
  if (fatal) section.notes.push(`${fatal} files failed to parse with type information (same files on both sides).`);
  return section;
}
