#!/usr/bin/env node
// npm run bench: measures fn-kit against the SPEC's quality bars on the BUILT outputs
// (run `npm run build` first), prints one PASS/MISS line per target and writes
// docs/benchmarks.md. Tools that are not built yet are reported as "not available yet".
//
// Usage: node bench/run.mjs [--quick] [--only lint,typed,recall,codemod,upgrade,env,runtime] [--no-write]
//        BENCH_QUICK=1 is the same as --quick (fewer pairs, smaller samples).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, corpusFilesDir } from '../scripts/corpus.mjs';
import { benchCodemod } from './codemod.mjs';
import { benchEnvCheck } from './env-check.mjs';
import { checkLine, renderMarkdown } from './lib/report.mjs';
import { benchDirs, repoRoot } from './lib/paths.mjs';
import { stableSample } from './lib/random.mjs';
import { writeSyntheticTree } from './lib/synthetic.mjs';
import { writeTypedCorpus } from './lib/typed-corpus.mjs';
import { benchLint } from './lint.mjs';
import { benchRuntime } from './runtime.mjs';
import { benchRecall } from './recall.mjs';
import { benchTypedLint } from './typed-lint.mjs';
import { benchUpgrade } from './upgrade.mjs';

const ALL = ['runtime', 'env', 'codemod', 'upgrade', 'lint', 'typed', 'recall'];
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const only = values.only ? values.only.split(',').map((name) => name.trim()) : ALL;
const unknown = only.filter((name) => !ALL.includes(name));
if (unknown.length) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')} (choose from ${ALL.join(', ')})\n`);
  process.exit(2);
}

const quick = values.quick;
const settings = quick
  ? { files: 2000, lintPairs: 1, corpusSample: 400, typedPairs: 1, codemodPairs: 1, envRuns: 5, runtimeRounds: 4, runtimeMs: 100 }
  : { files: 2000, lintPairs: 3, corpusSample: 600, typedPairs: 7, codemodPairs: 2, envRuns: 15, runtimeRounds: 10, runtimeMs: 200 };

const log = (line) => process.stdout.write(`${line}\n`);
const started = Date.now();
if (!existsSync(join(repoRoot, 'dist'))) log('note: dist/ is missing; run `npm run build` first (every tool will be "not available yet").');

const dirs = benchDirs();
const syntheticFiles = writeSyntheticTree(dirs.synthetic, { files: settings.files, seed: 1, mode: 'lint' });
const typedFiles = writeSyntheticTree(dirs.typed, { files: 300, seed: 1, mode: 'lint' });
const codemodFiles = writeSyntheticTree(dirs.codemodTree, { files: settings.files, seed: 2, mode: 'codemod' });
log(`fn-kit benchmarks (${quick ? 'quick' : 'full'} run): synthetic tree ${syntheticFiles.length} files, typed subset ${typedFiles.length}, codemod tree ${codemodFiles.length}`);

const sections = [];
const report = (section) => {
  sections.push(section);
  for (const check of section.checks) log(checkLine(check));
  for (const note of section.notes) log(`      note: ${note}`);
};

if (only.includes('runtime')) report(await benchRuntime({ rounds: settings.runtimeRounds, ms: settings.runtimeMs, log }));
if (only.includes('env')) report(await benchEnvCheck({ dir: dirs.envProject, runs: settings.envRuns, log }));
if (only.includes('codemod')) {
  report(await benchCodemod({ pristine: dirs.codemodTree, scratch: join(dirs.scratch, 'codemod-run'), fileCount: codemodFiles.length, pairs: settings.codemodPairs, log }));
}
if (only.includes('upgrade')) {
  report(await benchUpgrade({ pristine: dirs.codemodTree, scratch: join(dirs.scratch, 'upgrade-run'), pairs: settings.codemodPairs, log }));
}
const corpusSample = () => stableSample(loadCorpus().files, settings.corpusSample, 'bench-lint', (entry) => entry.path);
if (only.includes('lint')) {
  const sample = corpusSample();
  report(
    await benchLint({
      pairs: settings.lintPairs,
      log,
      targets: [
        { label: `synthetic Next.js app`, cwd: dirs.synthetic, files: syntheticFiles.map((path) => join(dirs.synthetic, path)) },
        { label: `real-code corpus sample`, cwd: corpusFilesDir, files: sample.map((entry) => join(corpusFilesDir, entry.path)) },
      ],
    }),
  );
}
if (only.includes('typed')) {
  const files = (quick ? typedFiles.slice(0, 150) : typedFiles).map((path) => join(dirs.typed, path));
  const sample = corpusSample().slice(0, quick ? 150 : 300);
  const corpusFiles = writeTypedCorpus(dirs.typedCorpus, corpusFilesDir, sample);
  report(
    await benchTypedLint({
      pairs: settings.typedPairs,
      log,
      targets: [
        { label: 'synthetic Next.js app', cwd: dirs.typed, files },
        { label: 'real-code corpus sample', cwd: dirs.typedCorpus, files: corpusFiles },
      ],
    }),
  );
}
if (only.includes('recall')) report(await benchRecall({ log }));

const seconds = (Date.now() - started) / 1000;
log(`done in ${seconds.toFixed(0)} s`);
if (!values['no-write']) {
  const flags = [quick ? '--quick' : '', values.only ? `--only ${values.only}` : ''].filter(Boolean).join(' ');
  const command = flags ? `npm run bench -- ${flags}` : 'npm run bench';
  const analysisFile = join(repoRoot, 'bench', 'known-causes.md');
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '';
  const markdown =
    renderMarkdown({ sections, mode: quick ? 'quick run' : 'full run', seconds, date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, command }) +
    (analysis ? `\n${analysis}` : '');
  writeFileSync(join(repoRoot, 'docs', 'benchmarks.md'), markdown);
  log('wrote docs/benchmarks.md');
}
