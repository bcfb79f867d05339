#!/usr/bin/env node
// npm run recall: accuracy as a user would measure it, on the BUILT plugin (npm run build first).
//   1. Without types (SPEC "Quality bars"): on the example app and the test corpus, the share of
//      recommended-type-checked's background-work findings that untyped recommended also finds
//      (>= 90%), and untyped findings the typed config rejects as non-promise (0).
//   2. Recall and precision on bench/recall/projects/: real-looking projects with
//      `// expect: fn/<rule>` markers on each expected finding and `// expect-none` traps,
//      linted with recommended and (where a tsconfig exists) recommended-type-checked.
// Misses are reported, never an exit code: the features are still landing. Exit 1 only when
// the harness cannot run (no build, a malformed marker, a rule crash).
//
// Usage: node bench/recall.mjs [--json]
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AGREEMENT_TARGET, agreement } from './lib/agreement.mjs';
import { discoverPlugin } from './lib/discover.mjs';
import { projectMarkers, score } from './lib/markers.mjs';
import { benchDirs, repoRoot } from './lib/paths.mjs';
import { configRules, hasTsconfig, lintProject } from './lib/project-lint.mjs';
import { checkLine } from './lib/report.mjs';
import { writeSyntheticTree } from './lib/synthetic.mjs';

export const projectsDir = join(repoRoot, 'bench', 'recall', 'projects');

export const listProjects = () =>
  readdirSync(projectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** The example app, the typed rule-test fixture and the synthetic typed tree: projects with a tsconfig. */
function agreementTargets() {
  const typed = benchDirs().typed;
  writeSyntheticTree(typed, { files: 300, seed: 1, mode: 'lint' });
  return [
    { label: 'examples/next-app', dir: join(repoRoot, 'examples', 'next-app') },
    { label: 'test/rules/fixtures/typed', dir: join(repoRoot, 'test', 'rules', 'fixtures', 'typed') },
    { label: 'synthetic Next.js app (300 files)', dir: typed },
    ...listProjects()
      .map((name) => ({ label: `bench/recall/projects/${name}`, dir: join(projectsDir, name) }))
      .filter((target) => hasTsconfig(target.dir)),
  ];
}

/** Per project and config: expected, found, missed, unexpected, recall, precision. */
export async function recallProjects({ plugin, log = () => {} }) {
  const out = [];
  for (const name of listProjects()) {
    const dir = join(projectsDir, name);
    const markers = projectMarkers(dir);
    const configs = ['recommended', ...(hasTsconfig(dir) ? ['recommended-type-checked'] : [])];
    for (const configName of configs) {
      log(`  recall ${name} (${configName})`);
      const run = await lintProject({ dir, plugin, configName });
      out.push({ project: name, config: configName, files: run.files, crashes: run.crashes, ...score(markers, run.findings, configRules(plugin, configName)) });
    }
  }
  return out;
}

export async function agreementAll({ plugin, log = () => {} }) {
  const out = [];
  for (const target of agreementTargets()) {
    log(`  agreement ${target.label}`);
    const result = await agreement({ dir: target.dir, plugin });
    const rel = (finding) => ({ ...finding, file: relative(repoRoot, join(target.dir, finding.file)) });
    out.push({ label: target.label, ...result, typedOnly: result.typedOnly.map(rel), untypedOnly: result.untypedOnly.map(rel) });
  }
  return out;
}

const pct = (value) => (value === null ? 'n/a' : `${(100 * value).toFixed(0)}%`);
const where = (finding) => `${finding.file}:${finding.line}${finding.rule ? ` ${finding.rule}` : ''}`;

/** The accuracy checks (SPEC bars, with verdicts) and the recall table (reference, no verdict). */
function toSection(agreements, recalls) {
  const typed = agreements.reduce((sum, a) => sum + a.typed, 0);
  const shared = agreements.reduce((sum, a) => sum + a.shared, 0);
  const untypedOnly = agreements.flatMap((a) => a.untypedOnly);
  const share = typed ? shared / typed : null;
  const checks = [
    {
      label: 'accuracy without types: typed background-work findings that untyped recommended also finds',
      measured: `${pct(share)} (${shared} of ${typed}; ${agreements.map((a) => `${a.label} ${a.shared}/${a.typed}`).join(', ')})`,
      target: `>= ${pct(AGREEMENT_TARGET)}`,
      status: share === null ? 'N/A' : share >= AGREEMENT_TARGET ? 'PASS' : 'MISS',
    },
    {
      label: 'accuracy without types: untyped findings the typed config rejects as non-promise',
      measured: `${untypedOnly.length}${untypedOnly.length ? ` (${untypedOnly.slice(0, 5).map(where).join(', ')}${untypedOnly.length > 5 ? ', ...' : ''})` : ''}`,
      target: '0',
      status: untypedOnly.length === 0 ? 'PASS' : 'MISS',
    },
  ];
  for (const r of recalls) {
    checks.push({
      label: `recall, ${r.project} (${r.config})`,
      measured: `recall ${pct(r.recall)} (${r.hits}/${r.expected}), precision ${pct(r.precision)} (${r.hits}/${r.found}), ${r.unexpected.length} unexpected`,
      target: 'reference (no verdict)',
      status: 'INFO',
    });
  }
  const notes = recalls.flatMap((r) => [
    ...(r.missed.length ? [`${r.project} (${r.config}) missed: ${r.missed.map(where).join(', ')}`] : []),
    ...(r.unexpected.length ? [`${r.project} (${r.config}) unexpected: ${r.unexpected.map(where).join(', ')}${r.sprung.length ? ` (${r.sprung.length} on expect-none traps)` : ''}`] : []),
  ]);
  return {
    title: 'Accuracy: untyped vs. typed, and recall on annotated projects',
    description:
      "Accuracy without types: `fn/no-floating-background-promise` findings of `configs['recommended-type-checked']` (each project's own tsconfig) " +
      'and of untyped `configs.recommended`, matched by file, line and column, on the example app, the typed rule-test fixture, the synthetic ' +
      'app and the recall projects that have a tsconfig. Recall: bench/recall/projects/ (one real-looking project per framework; ' +
      '`// expect: fn/<rule>` marks each expected finding, `// expect-none` a trap), linted as a user would with each config; ' +
      'recall = expected findings found / expected, precision = expected findings found / all fn findings.',
    table: {
      head: ['project', 'config', 'files', 'expected', 'found', 'missed', 'unexpected', 'recall', 'precision'],
      rows: recalls.map((r) => [r.project, r.config, r.files, r.expected, r.found, r.missed.length, r.unexpected.length, pct(r.recall), pct(r.precision)]),
    },
    checks,
    notes,
  };
}

export async function benchRecall({ log }) {
  const discovered = await discoverPlugin();
  if (!discovered.ok) {
    return { title: 'Accuracy', table: { head: [], rows: [] }, checks: [{ label: 'accuracy and recall', measured: discovered.reason, target: '', status: 'N/A' }], notes: [] };
  }
  const agreements = await agreementAll({ plugin: discovered.plugin, log });
  const recalls = await recallProjects({ plugin: discovered.plugin, log });
  const section = toSection(agreements, recalls);
  const crashes = [...agreements.flatMap((a) => a.crashes), ...recalls.flatMap((r) => r.crashes.map((c) => ({ ...c, config: r.config, project: r.project })))];
  for (const crash of crashes) section.notes.push(`crash (${crash.config}): ${crash.project ? `${crash.project}/` : ''}${crash.file}: ${crash.error}`);
  return Object.assign(section, { data: { agreements, recalls, crashes } });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const log = values.json ? () => {} : (line) => process.stdout.write(`${line}\n`);
  const section = await benchRecall({ log });
  if (values.json) process.stdout.write(`${JSON.stringify({ checks: section.checks, ...section.data }, null, 2)}\n`);
  else {
    for (const check of section.checks) log(checkLine(check));
    for (const note of section.notes) log(`      note: ${note}`);
  }
  const broken = section.checks.some((check) => check.status === 'N/A' && !section.data) || (section.data?.crashes.length ?? 0) > 0;
  process.exitCode = broken ? 1 : 0;
}
