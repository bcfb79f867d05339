/**
 * One Next.js version's fix type check, end to end: a temp project with that real `next`,
 * the inputs written into it, every fix output collected (ESLint fixes, committed codemod
 * outputs, a real codemod run), written beside the inputs, and one `tsc --noEmit` over all
 * of them. The test (fix-typecheck.test.ts) asserts on what this returns.
 *
 * Layout of the temp project: in/<case>/ (inputs), eslint/<case>/<n>/, fixture/<case>/,
 * run/<transform>/<case>/ (the codemod run, in place), control/<case>/ (negative controls).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterExportsOf } from '../lib/next-version.js';
import { afterExportsUsed } from './after-usage.js';
import { codemodCases, ruleCases, writeFiles, type Case } from './cases.js';
import { collectCommittedOutputs, collectRunOutputs, sameAfterSupport, type RunReport } from './codemod-outputs.js';
import { collectEslintOutputs } from './eslint-outputs.js';
import { PROJECT_STUBS } from './fixture-support.js';
import { createNextProject } from './next-project.js';
import { OutputSet, type FixOutput } from './outputs.js';
import { typecheck, type Diagnostic } from './tsc.js';

export interface InputFile {
  readonly case: Case;
  readonly path: string;
  readonly file: string;
  /** next/server's after exports the input uses that this version does not have. */
  readonly missing: readonly string[];
}

export interface CheckedOutput {
  readonly output: FixOutput;
  readonly file: string;
  /** The input it came from. */
  readonly input: InputFile;
}

export interface VersionRun {
  readonly version: string;
  readonly dir: string;
  readonly inputs: readonly InputFile[];
  readonly outputs: readonly CheckedOutput[];
  /** Committed outputs that use an after export this version lacks: tsc must reject each. */
  readonly controls: readonly CheckedOutput[];
  readonly reported: ReadonlyMap<string, number>;
  readonly runs: readonly RunReport[];
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Diagnostics on files that are none of the above (stubs, next-env.d.ts, the config). */
  readonly unattributed: readonly Diagnostic[];
  /** Files tsc had in its programs. */
  readonly checked: ReadonlySet<string>;
  cleanup(): void;
}

function slugDir(area: string, c: Case, n?: number): string {
  return n === undefined ? `${area}/${c.slug}` : `${area}/${c.slug}/${n}`;
}

/** The case's files that are not inputs: the stub modules an output needs beside it. */
function stubsOf(c: Case): Record<string, string> {
  return Object.fromEntries(Object.entries(c.files).filter(([p]) => !c.inputs.includes(p)));
}

export function runVersion(version: string): VersionRun {
  const dir = createNextProject(version);
  try {
    return runIn(dir, version);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function runIn(dir: string, version: string): VersionRun {
  writeFiles(dir, PROJECT_STUBS);
  const has = afterExportsOf(version);
  const cases = [...ruleCases(), ...codemodCases()];

  const inputs: InputFile[] = [];
  for (const c of cases) {
    writeFiles(join(dir, slugDir('in', c)), c.files);
    for (const path of c.inputs) {
      const used = afterExportsUsed(c.files[path] ?? '', path);
      inputs.push({ case: c, path, file: `${slugDir('in', c)}/${path}`, missing: [...used].filter((n) => !has.includes(n)) });
    }
  }
  const inputOf = (c: Case, path: string): InputFile => {
    const found = inputs.find((i) => i.case === c && i.path === path);
    if (!found) throw new Error(`no input ${c.id} ${path}`);
    return found;
  };

  const collected = new OutputSet();
  const reported = new Map<string, number>();
  for (const c of cases) {
    for (const [key, n] of collectEslintOutputs(dir, join(dir, slugDir('in', c)), c, collected)) reported.set(key, (reported.get(key) ?? 0) + n);
  }
  collectCommittedOutputs(version, cases, collected);
  const runs = collectRunOutputs(dir, version, cases, collected);

  const counters = new Map<string, number>();
  const place = (area: string, output: FixOutput): string => {
    const n = counters.get(`${area}/${output.case.slug}`) ?? 0;
    counters.set(`${area}/${output.case.slug}`, n + 1);
    const root = slugDir(area, output.case, n);
    writeFiles(join(dir, root), { ...stubsOf(output.case), [output.path]: output.text });
    return `${root}/${output.path}`;
  };
  const outputs: CheckedOutput[] = collected.all.map((output) => {
    const area = output.tool === 'eslint' ? 'eslint' : output.tool === 'codemod-fixture' ? 'fixture' : 'run-output';
    return { output, file: place(area, output), input: inputOf(output.case, output.path) };
  });

  // Negative controls: committed outputs written for another `after` support that use an export this version lacks.
  const controlSet = new OutputSet();
  for (const c of cases) {
    const f = c.fixture;
    if (!f?.output || sameAfterSupport(f.options.nextVersion, version)) continue;
    if (![...afterExportsUsed(f.output, f.path)].some((n) => !has.includes(n))) continue;
    controlSet.add({ tool: 'codemod-fixture', case: c, path: f.path, text: f.output }, `negative control: ${f.id} committed output`, 'control');
  }
  const controls = controlSet.all.map((output) => ({ output, file: place('control', output), input: inputOf(output.case, output.path) }));

  const files = [...inputs.map((i) => i.file), ...outputs.map((o) => o.file), ...controls.map((o) => o.file)];
  const result = typecheck(dir, files);
  const known = new Set(files);
  const diagnostics = new Map<string, Diagnostic[]>();
  const unattributed: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    if (!known.has(d.file)) {
      unattributed.push(d);
      continue;
    }
    diagnostics.set(d.file, [...(diagnostics.get(d.file) ?? []), d]);
  }
  return {
    version,
    dir,
    inputs,
    outputs,
    controls,
    reported,
    runs,
    diagnostics,
    unattributed,
    checked: result.checked,
    // FN_KIT_KEEP_TEMP=1 keeps the project for a look at what was checked.
    cleanup: () => (process.env.FN_KIT_KEEP_TEMP ? process.stdout.write(`[test:next] kept ${dir}\n`) : rmSync(dir, { recursive: true, force: true })),
  };
}
