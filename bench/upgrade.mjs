// `fn-codemod upgrade` (B) vs. the same transforms run one by one, in upgrade's own order (A),
// on the codemod tree with the example app inside it (so every transform has work). A fresh
// copy before every run (untimed). No SPEC target: a reference that says what one pass saves,
// and a check that both ways end in the same files.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { alternate } from './lib/ab.mjs';
import { discoverCli } from './lib/discover.mjs';
import { changedFiles, run, snapshotTree } from './lib/exec.mjs';
import { repoRoot } from './lib/paths.mjs';
import { fmtMs, fmtRange, fmtRatio } from './lib/stats.mjs';

const NEXT_VERSION = '15.5.0';
const EXAMPLE_APP = join(repoRoot, 'examples', 'next-app');

async function upgradeSteps() {
  const { UPGRADE_ORDER } = await import(join(repoRoot, 'dist', 'codemods', 'upgrade-order.js'));
  return UPGRADE_ORDER.map((step) => step.name);
}

/** @param {{ pristine: string, scratch: string, pairs: number, log: (line: string) => void }} options */
export async function benchUpgrade({ pristine, scratch, pairs, log }) {
  const label = 'codemod: upgrade in one pass vs. each transform run separately (A/B wall)';
  const section = {
    title: 'Codemod: fn-codemod upgrade vs. its transforms one by one',
    description: '',
    table: { head: ['way', 'files changed', 'time (min / median / max)'], rows: [] },
    checks: [],
    notes: [],
  };
  const cli = discoverCli();
  if (!cli.ok || !existsSync(join(repoRoot, 'dist', 'codemods', 'upgrade-order.js'))) {
    section.checks.push({ label, measured: cli.ok ? 'upgrade not built' : cli.reason, target: 'reference', status: 'N/A' });
    return section;
  }
  const steps = await upgradeSteps();
  const flags = ['--force', '--next-version', NEXT_VERSION];
  section.description =
    `The codemod tree with examples/next-app copied into it; Next.js ${NEXT_VERSION} assumed on both sides. ` +
    `A = ${steps.length} runs of \`fn-codemod <transform> <tree> --force\` in upgrade's order (${steps.join(', ')}); ` +
    'B = one `fn-codemod upgrade <tree> --force`. Wall time including process starts; runs alternate.';

  const seed = `${scratch}-seed`;
  rmSync(seed, { recursive: true, force: true });
  cpSync(pristine, seed, { recursive: true });
  cpSync(EXAMPLE_APP, join(seed, 'example-app'), { recursive: true, filter: (path) => !path.includes('node_modules') });
  const before = snapshotTree(seed);
  const fresh = () => {
    rmSync(scratch, { recursive: true, force: true });
    cpSync(seed, scratch, { recursive: true });
  };
  const failures = [];
  const exec = async (args) => {
    const result = await run(process.execPath, [cli.bin, ...args], { cwd: repoRoot });
    if (result.code !== 0) failures.push(`${args[0]} exited ${result.code}: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' | ')}`);
  };
  const outcome = { A: null, B: null };
  log(`  upgrade vs. ${steps.length} separate transforms (${pairs} pairs)`);
  const result = await alternate({
    pairs,
    log,
    before: fresh,
    runA: async () => {
      for (const step of steps) await exec([step, scratch, ...flags]);
    },
    runB: () => exec(['upgrade', scratch, ...flags]),
    onRun: (side) => {
      if (outcome[side] === null) outcome[side] = snapshotTree(scratch);
    },
  });
  rmSync(scratch, { recursive: true, force: true });
  rmSync(seed, { recursive: true, force: true });

  const changedA = changedFiles(before, outcome.A);
  const changedB = changedFiles(before, outcome.B);
  const differ = changedFiles(outcome.A, outcome.B);
  const speedup = { min: 1 / result.ratio.max, median: 1 / result.ratio.median, max: 1 / result.ratio.min };
  section.table.rows.push(
    [`A: ${steps.length} separate runs`, String(changedA.length), fmtRange(result.a, fmtMs)],
    ['B: fn-codemod upgrade', String(changedB.length), fmtRange(result.b, fmtMs)],
    ['B speed-up (A/B)', '', `${fmtRatio(speedup.min)} / ${fmtRatio(speedup.median)} / ${fmtRatio(speedup.max)}`],
  );
  section.checks.push({
    label,
    measured: `${fmtRatio(speedup.median)} (min ${fmtRatio(speedup.min)}, max ${fmtRatio(speedup.max)}); files changed A ${changedA.length}, B ${changedB.length}; ${differ.length === 0 ? 'same output' : `outputs differ in ${differ.length} file(s)`}`,
    target: 'reference (no verdict)',
    status: failures.length || differ.length ? 'MISS' : 'INFO',
  });
  if (differ.length) section.notes.push(`A and B differ in: ${differ.join(', ')}.`);
  for (const failure of [...new Set(failures)]) section.notes.push(`Run failed: ${failure}`);
  return section;
}
