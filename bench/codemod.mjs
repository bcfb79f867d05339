// Codemod speed: `fn-codemod geo-ip-to-functions` (B) vs. @next/codemod's next-request-geo-ip
// run through jscodeshift the way @next/codemod runs it (A), on a 2,000-file tree where 1%
// of files use NextRequest .geo/.ip. A fresh copy of the tree before every run (untimed).
// Target (SPEC "Quality bars"): A/B >= 5.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { alternate } from './lib/ab.mjs';
import { discoverCli, discoverCodemods } from './lib/discover.mjs';
import { changedFiles, run, snapshotTree } from './lib/exec.mjs';
import { repoRoot } from './lib/paths.mjs';
import { fmtMs, fmtRange, fmtRatio } from './lib/stats.mjs';

export const CODEMOD_TARGET = 5;
const TRANSFORM = 'geo-ip-to-functions';

/**
 * @next/codemod's bin/transform.js resolves `.bin/jscodeshift` from its own folder, which
 * finds its nested jscodeshift (17.0.0) when present, and passes these arguments.
 */
function nextCodemodCommand(tree) {
  const codemodDir = join(repoRoot, 'node_modules', '@next', 'codemod');
  const require = createRequire(join(codemodDir, 'bin', 'transform.js'));
  const jscodeshift = require.resolve('.bin/jscodeshift');
  const transform = join(codemodDir, 'transforms', 'next-request-geo-ip.js');
  const args = [
    jscodeshift,
    '--parser=tsx',
    '--ignore-pattern=**/node_modules/**',
    '--ignore-pattern=**/.next/**',
    '--extensions=tsx,ts,jsx,js,mjs',
    '--transform',
    transform,
    tree,
  ];
  return { args, display: `jscodeshift ${args.slice(1).map((arg) => arg.replace(`${repoRoot}/`, '')).join(' ')}` };
}

/** Why the transform cannot be benchmarked yet, or null when it is built. */
async function transformUnavailable() {
  const registry = await discoverCodemods();
  if (!registry.ok) return registry.reason;
  if (registry.codemods.some(({ name }) => name === TRANSFORM)) return null;
  return `${TRANSFORM} not available yet (${registry.missing.find((line) => line.startsWith(`${TRANSFORM}:`)) ?? 'not in the registry'})`;
}

/** @param {{ pristine: string, scratch: string, fileCount: number, pairs: number, log: (line: string) => void }} options */
export async function benchCodemod({ pristine, scratch, fileCount, pairs, log }) {
  const target = `>= ${CODEMOD_TARGET}x`;
  const label = `codemod: ${TRANSFORM} speed-up over @next/codemod next-request-geo-ip`;
  const section = {
    title: `Codemod: fn-codemod ${TRANSFORM} vs. @next/codemod next-request-geo-ip`,
    description: '',
    table: { head: ['tool', 'files rewritten', 'time (min / median / max)'], rows: [] },
    checks: [],
    notes: [],
  };
  const cli = discoverCli();
  const unavailable = cli.ok ? await transformUnavailable() : cli.reason;
  if (unavailable) {
    section.checks.push({ label, measured: unavailable, target, status: 'N/A' });
    return section;
  }
  const next = nextCodemodCommand(scratch);
  const ours = [cli.bin, TRANSFORM, scratch, '--force'];
  section.description =
    `A ${fileCount}-file synthetic tree; 1% of the files read NextRequest \`.geo\` / \`.ip\` in the shapes both transforms rewrite. ` +
    'A fresh copy of the tree before every run (untimed); runs alternate. ' +
    `A = \`${next.display}\` (the arguments @next/codemod passes, with its own jscodeshift; jscodeshift's default worker count). ` +
    `B = \`node dist/cli/bin.js ${TRANSFORM} <tree> --force\` (default settings). Both times are wall time including process start.`;

  const before = snapshotTree(pristine);
  const rewritten = { A: null, B: null };
  const failures = [];
  const fresh = () => {
    rmSync(scratch, { recursive: true, force: true });
    cpSync(pristine, scratch, { recursive: true });
  };
  const runSide = (side, args) => async () => {
    const result = await run(process.execPath, args, { cwd: repoRoot });
    if (result.code !== 0) failures.push(`${side} exited ${result.code}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`);
    return result;
  };
  log(`  codemod (${fileCount} files, ${pairs} pairs)`);
  const result = await alternate({
    pairs,
    log,
    before: fresh,
    runA: runSide('A', next.args),
    runB: runSide('B', ours),
    onRun: (side) => {
      if (rewritten[side] === null) rewritten[side] = changedFiles(before, snapshotTree(scratch));
    },
  });
  if (existsSync(scratch)) rmSync(scratch, { recursive: true, force: true });

  // Speed-up = A/B: the inverse of the pair ratio B/A.
  const speedups = { min: 1 / result.ratio.max, median: 1 / result.ratio.median, max: 1 / result.ratio.min };
  const status = failures.length === 0 && speedups.median >= CODEMOD_TARGET ? 'PASS' : 'MISS';
  section.table.rows.push(
    ['A: @next/codemod next-request-geo-ip (jscodeshift)', String(rewritten.A.length), fmtRange(result.a, fmtMs)],
    [`B: fn-codemod ${TRANSFORM}`, String(rewritten.B.length), fmtRange(result.b, fmtMs)],
  );
  section.checks.push({
    label,
    measured: `${fmtRatio(speedups.median)} (min ${fmtRatio(speedups.min)}, max ${fmtRatio(speedups.max)}); files rewritten A ${rewritten.A.length}, B ${rewritten.B.length}`,
    target,
    status,
  });
  section.table.rows.push(['B speed-up (A/B)', '', `${fmtRatio(speedups.min)} / ${fmtRatio(speedups.median)} / ${fmtRatio(speedups.max)}`]);
  const onlyA = rewritten.A.filter((path) => !rewritten.B.includes(path));
  const onlyB = rewritten.B.filter((path) => !rewritten.A.includes(path));
  if (onlyA.length) section.notes.push(`Rewritten only by @next/codemod: ${onlyA.join(', ')}.`);
  if (onlyB.length) section.notes.push(`Rewritten only by fn-codemod: ${onlyB.join(', ')}.`);
  for (const failure of [...new Set(failures)]) section.notes.push(`Run failed: ${failure}`);
  return section;
}
