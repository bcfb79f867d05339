#!/usr/bin/env node
// Robustness over the real-code corpus (.corpus/, assembled by scripts/corpus.mjs):
//  - every rule of the plugin, all enabled, with fix: no crash, every autofix and suggestion
//    output parses, a second fix pass changes nothing; findings are counted and the top ones
//    listed per rule with file:line for triage;
//  - every codemod through the runner in-process: no crash, outputs parse, a second run
//    changes nothing; then the real CLI (--force) on a copy of the corpus: changed files
//    parse, files the transform leaves alone stay byte-identical, a second run changes nothing.
// Runs on the built outputs (npm run build first). Exit 1 when anything failed.
//
// Usage: node scripts/robustness.mjs [--sample N] [--workers 2] [--top 5] [--exhaustive]
//        [--no-lint] [--no-codemods] [--no-cli] [--json out.json]
import { availableParallelism } from 'node:os';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createCodemodChecker } from '../bench/lib/check-codemod.mjs';
import { createLintChecker, languageFor, parseError } from '../bench/lib/check-lint.mjs';
import { discoverAllRules, discoverCli, discoverCodemods, discoverRunner } from '../bench/lib/discover.mjs';
import { changedFiles, run, snapshotTree } from '../bench/lib/exec.mjs';
import { stableSample } from '../bench/lib/random.mjs';
import { corpusDir, corpusFilesDir, loadCorpus } from './corpus.mjs';

const self = fileURLToPath(import.meta.url);
const root = join(corpusDir, '..');

// ---------------------------------------------------------------- worker
async function workerMain() {
  const { lint, codemods, exhaustive } = workerData;
  const lintChecker = lint ? await createWorkerLintChecker() : undefined;
  const codemodChecker = codemods ? await createWorkerCodemodChecker(exhaustive) : undefined;
  parentPort.on('message', async (files) => {
    const results = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      results.push({
        file,
        lint: lintChecker ? await lintChecker.checkFile(file, text) : undefined,
        codemod: codemodChecker ? await codemodChecker.checkFile(file, text) : undefined,
      });
    }
    parentPort.postMessage(results);
  });
  parentPort.postMessage('ready');
}

async function createWorkerLintChecker() {
  const discovered = await discoverAllRules();
  return createLintChecker({ plugin: discovered.plugin, ruleNames: discovered.ruleNames, cwd: corpusFilesDir });
}

async function createWorkerCodemodChecker(exhaustive) {
  const [codemods, runner] = await Promise.all([discoverCodemods(), discoverRunner()]);
  return createCodemodChecker({ codemods: codemods.codemods, applyTransform: runner.applyTransform, parsers: runner.parsers, exhaustive });
}

// ---------------------------------------------------------------- main
function startWorker(options) {
  const worker = new Worker(self, { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message) => (message === 'ready' ? resolve(worker) : reject(new Error(`worker said ${message}`))));
  });
}

/** Feeds batches of files to the workers; calls onResult for every file's result. */
async function runPool(files, workerCount, options, onResult) {
  const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorker(options)));
  const batchSize = 20;
  let next = 0;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          worker.on('error', reject);
          const feed = () => {
            if (next >= files.length) return resolve();
            worker.postMessage(files.slice(next, next + batchSize));
            next += batchSize;
          };
          worker.on('message', (results) => {
            for (const result of results) onResult(result);
            done += results.length;
            if (process.stderr.isTTY) process.stderr.write(`\r  ${done}/${files.length} files, ${((Date.now() - started) / 1000).toFixed(0)} s`);
            feed();
          });
          feed();
        }),
    ),
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  await Promise.all(workers.map((worker) => worker.terminate()));
}

function newTotals(ruleNames, codemodNames) {
  return {
    lint: { files: 0, unparseable: 0, fixed: 0, suggestions: 0, crashes: [], corruptions: [], unstable: [], findings: new Map(ruleNames.map((rule) => [rule, []])) },
    codemod: {
      files: 0,
      perCodemod: new Map(codemodNames.map((name) => [name, { changed: [], skipped: 0, unparseable: 0 }])),
      crashes: [],
      corruptions: [],
      unstable: [],
      filterMisses: [],
    },
  };
}

function addResult(totals, { lint, codemod }, display) {
  if (lint) {
    const t = totals.lint;
    t.files++;
    if (lint.unparseable) t.unparseable++;
    if (lint.fixed) t.fixed++;
    t.suggestions += lint.suggestions;
    t.crashes.push(...lint.crashes.map((crash) => ({ ...crash, file: display(crash.file) })));
    t.corruptions.push(...lint.corruptions.map((item) => ({ ...item, file: display(item.file) })));
    if (lint.unstable) t.unstable.push({ ...lint.unstable, file: display(lint.unstable.file) });
    for (const finding of lint.findings) {
      const list = t.findings.get(finding.rule) ?? [];
      list.push({ ...finding, file: display(lint.file) });
      t.findings.set(finding.rule, list);
    }
  }
  if (codemod) {
    const t = totals.codemod;
    t.files++;
    for (const name of codemod.changed) t.perCodemod.get(name).changed.push(codemod.file);
    for (const { codemod: name } of codemod.skipped) t.perCodemod.get(name).skipped++;
    for (const { codemod: name } of codemod.unparseable) t.perCodemod.get(name).unparseable++;
    for (const key of ['crashes', 'corruptions', 'unstable', 'filterMisses']) t[key].push(...codemod[key].map((item) => ({ ...item, file: display(item.file) })));
  }
}

/**
 * The real CLI on a copy of the corpus, one codemod at a time: every file it changes must
 * parse and be one the in-process run changed; every other file stays byte-identical; a
 * second run changes nothing.
 */
async function cliPass(cli, files, perCodemod, display, log) {
  const tree = join(corpusDir, 'cli-run');
  const failures = [];
  const rows = [];
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const sources = files.map((file) => relative(corpusFilesDir, file));
  for (const path of sources) cpSync(join(corpusFilesDir, path), join(tree, path));
  const pristine = snapshotTree(tree);
  for (const [name, { changed: expected }] of perCodemod) {
    const expectedSet = new Set(expected.map((file) => relative(corpusFilesDir, file)));
    const first = await run(process.execPath, [cli.bin, name, tree, '--force'], { cwd: root });
    const afterFirst = snapshotTree(tree);
    const changed = changedFiles(pristine, afterFirst);
    let broken = 0;
    for (const path of changed) {
      if (!expectedSet.has(path)) failures.push({ codemod: name, file: display(join(corpusFilesDir, path)), problem: 'changed by the CLI but not by the transform in-process (unrelated bytes touched?)' });
      if (!afterFirst.has(path)) {
        failures.push({ codemod: name, file: display(join(corpusFilesDir, path)), problem: 'deleted by the CLI' });
        continue;
      }
      const before = pristine.get(path).toString('utf8');
      const language = languageFor(path, before);
      const error = parseError(afterFirst.get(path).toString('utf8'), join(tree, path), language);
      if (error && !parseError(before, join(tree, path), language)) {
        broken++;
        failures.push({ codemod: name, file: display(join(corpusFilesDir, path)), problem: `written output does not parse: ${error}` });
      }
    }
    const second = await run(process.execPath, [cli.bin, name, tree, '--force'], { cwd: root });
    const again = changedFiles(afterFirst, snapshotTree(tree));
    for (const path of again) failures.push({ codemod: name, file: display(join(corpusFilesDir, path)), problem: 'a second CLI run changed it again' });
    const crashLines = `${first.stdout}\n${first.stderr}`.split('\n').filter((line) => /transform failed|does not parse.*left untouched/.test(line));
    for (const line of crashLines) failures.push({ codemod: name, file: '(see CLI output)', problem: line.trim() });
    rows.push({ name, exit: [first.code, second.code], changed: changed.length, expected: expectedSet.size, broken, secondRunChanged: again.length });
    log(`  cli ${name}: exit ${first.code}/${second.code}, changed ${changed.length} (in-process ${expectedSet.size}), second run changed ${again.length}`);
    // Restore what this codemod wrote, so the next one starts from the corpus.
    for (const path of changed) if (pristine.has(path)) writeFileSync(join(tree, path), pristine.get(path));
  }
  rmSync(tree, { recursive: true, force: true });
  return { rows, failures };
}

function printList(title, items, format, limit = 20) {
  process.stdout.write(`${title}: ${items.length}\n`);
  for (const item of items.slice(0, limit)) process.stdout.write(`  - ${format(item)}\n`);
  if (items.length > limit) process.stdout.write(`  ... and ${items.length - limit} more\n`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      sample: { type: 'string' },
      workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      top: { type: 'string', default: '5' },
      exhaustive: { type: 'boolean', default: false },
      'no-lint': { type: 'boolean', default: false },
      'no-codemods': { type: 'boolean', default: false },
      'no-cli': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const log = (line) => process.stdout.write(`${line}\n`);
  const manifest = loadCorpus();
  const fromOf = new Map(manifest.files.map((entry) => [join(corpusFilesDir, entry.path), entry.from]));
  const display = (file) => fromOf.get(file) ?? relative(root, file);
  let entries = manifest.files;
  if (values.sample) entries = stableSample(entries, Number(values.sample), 'robustness', (entry) => entry.path);
  const files = entries.map((entry) => join(corpusFilesDir, entry.path));
  log(`corpus: ${files.length} files${values.sample ? ` (deterministic sample of ${manifest.size})` : ''}`);

  const plugin = values['no-lint'] ? { ok: false, reason: 'skipped (--no-lint)' } : await discoverAllRules();
  const codemods = values['no-codemods'] ? { ok: false, reason: 'skipped (--no-codemods)' } : await discoverCodemods();
  const runner = codemods.ok ? await discoverRunner() : codemods;
  log(plugin.ok ? `rules: ${plugin.ruleNames.length} (${plugin.ruleNames.join(', ')})` : `rules: ${plugin.reason}`);
  if (plugin.ok && plugin.unlisted.length) log(`  built but not in the plugin's rules yet (checked too): ${plugin.unlisted.join(', ')}`);
  log(codemods.ok ? `codemods: ${codemods.codemods.length} (${codemods.codemods.map((c) => c.name).join(', ')})` : `codemods: ${codemods.reason}`);
  if (codemods.ok && codemods.missing.length) log(`codemods not available yet: ${codemods.missing.join('; ')}`);
  if (codemods.ok && !runner.ok) log(`codemods: ${runner.reason}`);
  const doCodemods = codemods.ok && runner.ok;
  if (!plugin.ok && !doCodemods) {
    log('nothing to check yet.');
    return 0;
  }

  const started = Date.now();
  const totals = newTotals(plugin.ok ? plugin.ruleNames.map((name) => `fn/${name}`) : [], doCodemods ? codemods.codemods.map((c) => c.name) : []);
  await runPool(files, Number(values.workers), { lint: plugin.ok, codemods: doCodemods, exhaustive: values.exhaustive }, (result) => addResult(totals, result, display));
  log(`in-process checks: ${((Date.now() - started) / 1000).toFixed(1)} s with ${values.workers} workers`);

  let cli = { rows: [], failures: [] };
  const cliBin = discoverCli();
  if (doCodemods && !values['no-cli']) {
    if (cliBin.ok) {
      const cliStarted = Date.now();
      cli = await cliPass(cliBin, files, totals.codemod.perCodemod, display, log);
      log(`CLI pass: ${((Date.now() - cliStarted) / 1000).toFixed(1)} s`);
    } else log(`CLI pass: ${cliBin.reason}`);
  }

  const top = Number(values.top);
  log('');
  if (plugin.ok) {
    const t = totals.lint;
    log(`== rules: ${t.files} files, ${plugin.ruleNames.length} rules; unparseable inputs ${t.unparseable}; autofixed files ${t.fixed}; suggestions applied ${t.suggestions}`);
    printList('rule crashes', t.crashes, (c) => `${c.rule} on ${c.file}: ${c.message}\n${c.stack.split('\n').slice(0, 8).join('\n      ')}`);
    printList('corruptions (fix/suggestion output does not parse)', t.corruptions, (c) => `${c.rule} ${c.stage} on ${c.file}: ${c.error}`);
    printList('unstable fixes (second pass changed the output)', t.unstable, (u) => `${u.file}: ${u.rules}`);
    log('findings per rule (top findings listed for triage):');
    for (const [rule, list] of [...t.findings].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const filesHit = new Set(list.map((finding) => finding.file)).size;
      log(`  ${rule}: ${list.length} findings in ${filesHit} files`);
      for (const finding of list.slice(0, top)) log(`    ${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
    }
  }
  if (doCodemods) {
    const t = totals.codemod;
    log(`== codemods: ${t.files} files, ${t.perCodemod.size} codemods`);
    for (const [name, entry] of t.perCodemod) {
      log(`  ${name}: changed ${entry.changed.length}, skipped ${entry.skipped}, unparseable inputs ${entry.unparseable}`);
      for (const file of entry.changed.slice(0, top)) log(`    ${display(file)}`);
    }
    printList('codemod crashes', t.crashes, (c) => `${c.codemod} on ${c.file}: ${c.message}\n      ${c.stack.split('\n').slice(0, 8).join('\n      ')}`);
    printList('codemod corruptions', t.corruptions, (c) => `${c.codemod} on ${c.file}: ${c.stage}: ${c.error}`);
    printList('codemod outputs changed by a second run', t.unstable, (u) => `${u.codemod} on ${u.file}${u.error ? `: ${u.error}` : ''}`);
    if (values.exhaustive) printList('text-filter false negatives', t.filterMisses, (m) => `${m.codemod} on ${m.file}`);
    if (cli.rows.length) printList('CLI failures (corruption, stray writes, second-run changes)', cli.failures, (f) => `${f.codemod} on ${f.file}: ${f.problem}`);
  }

  const failures = {
    ruleCrashes: totals.lint.crashes.length,
    ruleCorruptions: totals.lint.corruptions.length,
    unstableFixes: totals.lint.unstable.length,
    codemodCrashes: totals.codemod.crashes.length,
    codemodCorruptions: totals.codemod.corruptions.length,
    codemodUnstable: totals.codemod.unstable.length,
    filterMisses: totals.codemod.filterMisses.length,
    cliFailures: cli.failures.length,
  };
  log('');
  log(`summary: files ${files.length}, rules ${plugin.ok ? plugin.ruleNames.length : 0}, codemods ${doCodemods ? codemods.codemods.length : 0}; ` + Object.entries(failures).map(([key, value]) => `${key} ${value}`).join(', '));
  if (values.json) {
    const findings = Object.fromEntries([...totals.lint.findings].map(([rule, list]) => [rule, list]));
    const changed = Object.fromEntries([...totals.codemod.perCodemod].map(([name, entry]) => [name, entry.changed.map(display)]));
    writeFileSync(values.json, `${JSON.stringify({ files: files.length, failures, lint: { ...totals.lint, findings }, codemods: { ...totals.codemod, perCodemod: changed }, cli }, null, 1)}\n`);
  }
  return Object.values(failures).some((count) => count > 0) ? 1 : 0;
}

if (isMainThread) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`robustness: ${error.stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
} else {
  await workerMain();
}
