/**
 * The outputs of the codemods that introduce or change `after`, two ways:
 * - the committed fixture outputs, checked on every tested Next version whose `after`
 *   support is the one the fixture was written for (its `nextVersion`; none: no `after`);
 * - a real run of the BUILT CLI (`fn-codemod <transform> --force --json`) over the fixture
 *   inputs and the rule corpus (test-next/fixtures/rules) placed in the temp project, with no
 *   --next-version: the transforms find the version in the package.json of the run's
 *   directory, which declares it (the ESLint fixes find it in node_modules/next instead).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterSupport } from '../lib/next-version.js';
import type { Case } from './cases.js';
import { writeFiles } from './cases.js';
import { AFTER_TRANSFORMS } from './codemod-fixtures.js';
import { REPO_ROOT, writePackageJson } from './next-project.js';
import type { OutputSet } from './outputs.js';

const BIN = join(REPO_ROOT, 'dist', 'cli', 'bin.js');
export const RUN_RUNTIME_MODULE = '@acme/platform';

/** Whether a fixture written for `fixtureVersion` (none: no version) describes what happens on `version`. */
export function sameAfterSupport(fixtureVersion: string | undefined, version: string): boolean {
  return afterSupport(fixtureVersion) === afterSupport(version);
}

export function collectCommittedOutputs(version: string, cases: readonly Case[], outputs: OutputSet): void {
  for (const c of cases) {
    const f = c.fixture;
    if (!f?.output || !sameAfterSupport(f.options.nextVersion, version)) continue;
    outputs.add(
      { tool: 'codemod-fixture', case: c, path: f.path, text: f.output },
      `codemod ${f.transform} fixture ${f.name} (committed output, written for ${f.options.nextVersion ? `--next-version ${f.options.nextVersion}` : 'no Next.js version'})`,
      `${f.transform}:committed`,
      f.transform === 'unstable-after-to-after',
    );
  }
}

interface JsonFileReport {
  readonly file: string;
  readonly status: 'changed' | 'unchanged' | 'skipped' | 'error';
  readonly reason?: string;
  readonly error?: { readonly message: string };
}

interface JsonReport {
  readonly exitCode: number;
  readonly files: readonly JsonFileReport[];
  readonly dependencies: readonly unknown[];
}

export interface RunReport {
  readonly transform: string;
  readonly exitCode: number | null;
  readonly stderr: string;
  /** Fixture id -> what the run did with its input. */
  readonly status: ReadonlyMap<string, JsonFileReport>;
  /** Packages the run says the project must declare or install (should be none: the project declares them). */
  readonly dependencies: readonly unknown[];
}

/**
 * Runs each transform over its own fixtures' inputs and the rule corpus, written to
 * `dir/run/<transform>/`, and adds what it changed.
 */
export function collectRunOutputs(dir: string, version: string, cases: readonly Case[], outputs: OutputSet): RunReport[] {
  mkdirSync(join(dir, 'run'), { recursive: true });
  writePackageJson(join(dir, 'run'), version);
  return AFTER_TRANSFORMS.map((transform) => {
    const own = cases.filter((c) => (c.fixture ? c.fixture.transform === transform : true));
    const root = join(dir, 'run', transform);
    for (const c of own) writeFiles(join(root, c.slug), c.files);
    const args = [BIN, transform, relative(dir, root), '--force', '--json', '--runtime-module', RUN_RUNTIME_MODULE];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    let report: JsonReport;
    try {
      report = JSON.parse(r.stdout) as JsonReport;
    } catch {
      throw new Error(`fn-codemod ${transform} printed no JSON report (exit ${r.status}): ${r.stderr}${r.stdout.slice(0, 2000)}`);
    }
    const status = new Map<string, JsonFileReport>();
    for (const file of report.files) {
      const [slug, ...rest] = relative(root, join(dir, file.file)).split(sep);
      const c = own.find((x) => x.slug === slug);
      const path = rest.join('/');
      if (!c || !c.inputs.includes(path)) continue; // a stub module
      if (c.fixture) status.set(c.fixture.id, file);
      if (file.status !== 'changed') continue;
      outputs.add(
        { tool: 'codemod-run', case: c, path, text: readFileSync(join(dir, file.file), 'utf8') },
        `codemod ${transform} on ${c.fixture ? `fixture ${c.fixture.name}` : c.id} (real run, version from the project)`,
        `${transform}:run`,
        transform === 'unstable-after-to-after',
      );
    }
    return { transform, exitCode: r.status, stderr: r.stderr, status, dependencies: report.dependencies };
  });
}
