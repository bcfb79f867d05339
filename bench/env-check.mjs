// `fn-codemod env --check` on an up-to-date project: generate once, then time repeated
// checks (wall time, including process start, as a pre-commit hook sees it).
// Target (SPEC "Quality bars"): median under 0.5 s.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverCli } from './lib/discover.mjs';
import { run } from './lib/exec.mjs';
import { fmtMs, fmtRange, summary, timeMs } from './lib/stats.mjs';

export const ENV_TARGET_MS = 500;

/** A project with a documented .env.example (every annotation kind) and local env files. */
function writeEnvProject(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'env-bench', private: true, dependencies: { next: '15.2.0' } }, null, 2)}\n`);
  const lines = [];
  for (let i = 0; i < 10; i++) {
    lines.push(`# Database ${i} connection string.`, '# @type url', '# @secret', `DATABASE_URL_${i}=`);
    lines.push(`# Pool size for database ${i}.`, '# @type number', '# @default 10', `DB_POOL_${i}=10`);
    lines.push(`# Feature flag ${i}.`, '# @type boolean', '# @optional', `FEATURE_${i}_ENABLED=`);
    lines.push(`# Log level ${i}.`, '# @type enum(debug|info|warn|error)', `LOG_LEVEL_${i}=info`);
    lines.push(`# Public key ${i} (client-safe).`, `NEXT_PUBLIC_KEY_${i}=`);
  }
  writeFileSync(join(dir, '.env.example'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, '.env.local'), 'LOCAL_ONLY_SETTING=1\n');
  writeFileSync(join(dir, '.env.development'), 'DEV_ONLY_SETTING=1\n');
}

/** @param {{ dir: string, runs: number, log: (line: string) => void }} options */
export async function benchEnvCheck({ dir, runs, log }) {
  const target = `< ${fmtMs(ENV_TARGET_MS)}`;
  const label = 'env --check on an up-to-date project (median wall time)';
  const section = {
    title: 'Typed env: fn-codemod env --check',
    description:
      `A project whose \`.env.example\` documents 50 variables (every annotation kind) plus \`.env.local\` and \`.env.development\`. ` +
      `\`fn-codemod env\` generates once; then ${runs} runs of \`node dist/cli/bin.js env --check\` are timed (wall time, process start included).`,
    table: { head: ['runs', 'time (min / median / max)', 'target', 'result'], rows: [] },
    checks: [],
    notes: [],
  };
  const cli = discoverCli();
  if (!cli.ok) {
    section.checks.push({ label, measured: cli.reason, target, status: 'N/A' });
    return section;
  }
  writeEnvProject(dir);
  const generate = await run(process.execPath, [cli.bin, 'env'], { cwd: dir });
  if (generate.code !== 0) {
    const why = (generate.stderr || generate.stdout).trim().split('\n')[0];
    const measured = /not built yet|Unknown (argument|command)/i.test(why) ? `env command not available yet (${why})` : `fn-codemod env failed (exit ${generate.code}): ${why}`;
    section.checks.push({ label, measured, target, status: /not available yet/.test(measured) ? 'N/A' : 'MISS' });
    return section;
  }
  log(`  env --check (${runs} runs)`);
  const times = [];
  let failed;
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await timeMs(() => run(process.execPath, [cli.bin, 'env', '--check'], { cwd: dir }));
    if (value.code !== 0 && !failed) failed = `exit ${value.code}: ${(value.stderr || value.stdout).trim().split('\n').slice(0, 3).join(' | ')}`;
    times.push(ms);
  }
  const stats = summary(times);
  const status = !failed && stats.median < ENV_TARGET_MS ? 'PASS' : 'MISS';
  section.table.rows.push([String(runs), fmtRange(stats, fmtMs), target, status]);
  section.checks.push({ label, measured: `${fmtMs(stats.median)} (min ${fmtMs(stats.min)}, max ${fmtMs(stats.max)})${failed ? `; check failed on an up-to-date project: ${failed}` : ''}`, target, status });
  const bare = await timeMs(() => run(process.execPath, ['-e', '0']));
  section.notes.push(`For scale: a bare \`node -e 0\` takes ${fmtMs(bare.ms)} on this machine.`);
  return section;
}
