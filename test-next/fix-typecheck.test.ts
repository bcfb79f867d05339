/**
 * Issue #11: the OUTPUT of every fn-kit fix that introduces or changes `after` /
 * `unstable_after` type-checks (`tsc --noEmit`, TypeScript 5.9) against each real `next`
 * release, and on versions without an export the tools never produce it.
 *
 * Per version (see version-run.ts): every input, every fix output and a set of negative
 * controls go into one temp Next.js project with that real `next`. An output must type-check
 * when its input does on that version; an output of an input that uses `unstable_after` where
 * next/server no longer has it must type-check too when the fix's job is that upgrade. Which
 * inputs do not type-check is predicted from the after exports they use and asserted, so
 * nothing is left out silently. Fixtures no Next.js project can check are listed in
 * fixture-support.ts with their reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterExportsOf, afterSupport } from '../lib/next-version.js';
import { afterExportsUsed } from './after-usage.js';
import { codemodFixtures, AFTER_TRANSFORMS } from './codemod-fixtures.js';
import { sameAfterSupport } from './codemod-outputs.js';
import { EXCLUDED_FIXTURES, FIXTURE_STUBS } from './fixture-support.js';
import { formatDiagnostic, formatInputMismatch, formatOutputFailure, summaryLine } from './report.js';
import { runVersion, type CheckedOutput, type VersionRun } from './version-run.js';
import { NEXT_VERSIONS } from './versions.js';

/** An output must type-check when its input does, or when it is the unstable_after -> after upgrade of an input that only lacks that. */
function mustTypeCheck(o: CheckedOutput, version: string): boolean {
  const missing = o.input.missing;
  if (missing.length === 0) return true;
  return o.output.upgrade && afterExportsOf(version).includes('after') && missing.every((n) => n === 'unstable_after');
}

/** Fix kinds (counting keys) and whether each must produce type-checked outputs on a version (else: none at all). */
function expectedKinds(version: string): [string, boolean][] {
  const support = afterSupport(version);
  const hasAfter = support !== 'none';
  return [
    ['fn/prefer-after:preferAfter:autofix', hasAfter],
    ['fn/prefer-after:--fix', hasAfter],
    ['fn/valid-after:unstableAfterRemoved:autofix', support === 'after'],
    ['fn/valid-after:--fix', support === 'after'],
    ['fn/valid-after:hoistRequestApi:suggestion', hasAfter],
    ['fn/valid-after:removeAwait:suggestion', hasAfter],
    ['fn/no-floating-background-promise:wrapAfter:suggestion', hasAfter],
    ['fn/no-floating-background-promise:wrapWaitUntil:suggestion', true],
    ['fn/no-floating-background-promise:addAwait:suggestion', true],
    ['fn.configs.next:--fix', hasAfter],
    ['wait-until-to-after:committed', hasAfter],
    ['floating-to-wait-until:committed', true],
    ['unstable-after-to-after:committed', support === 'after'],
    ['wait-until-to-after:run', hasAfter],
    ['floating-to-wait-until:run', true],
    ['unstable-after-to-after:run', support === 'after'],
  ];
}

it('lists its exclusions and stubs, each for a fixture that exists', () => {
  const ids = new Set(AFTER_TRANSFORMS.flatMap((t) => codemodFixtures(t)).map((f) => f.id));
  for (const id of Object.keys(FIXTURE_STUBS)) expect(ids.has(id), id).toBe(true);
  for (const [id, reason] of Object.entries(EXCLUDED_FIXTURES)) {
    expect(ids.has(id), id).toBe(true);
    process.stdout.write(`[test:next] not type-checked: ${id}: ${reason}\n`);
  }
});

describe.each(NEXT_VERSIONS)('next@%s: fix outputs type-check', (version) => {
  let run: VersionRun;
  let required: CheckedOutput[];
  beforeAll(() => {
    run = runVersion(version);
    required = run.outputs.filter((o) => mustTypeCheck(o, version));
    process.stdout.write(`${summaryLine(run, required)}\n`);
  }, 600_000);
  afterAll(() => run?.cleanup());

  it('has tsc reject exactly the inputs that use an after export this version lacks', () => {
    const mismatches = run.inputs.flatMap((input) => {
      const diags = run.diagnostics.get(input.file) ?? [];
      if (diags.length > 0 === input.missing.length > 0) return [];
      return [formatInputMismatch(version, input, input.case.files[input.path] ?? '', diags)];
    });
    expect(mismatches.join('\n\n')).toBe('');
    expect(run.inputs.length).toBeGreaterThan(0);
  });

  it('type-checks every fix output (zero tsc errors)', () => {
    const failures = required.flatMap((o) => {
      const diags = run.diagnostics.get(o.file) ?? [];
      return diags.length === 0 ? [] : [formatOutputFailure(version, o, diags)];
    });
    expect(failures.join('\n\n')).toBe('');
    expect(run.unattributed.map(formatDiagnostic).join('\n')).toBe('');
    const unchecked = required.filter((o) => !run.checked.has(o.file)).map((o) => o.file);
    expect(unchecked, 'outputs tsc never saw').toEqual([]);
    expect(required.length).toBeGreaterThan(0);
  });

  it('never introduces an after export this version lacks, nor after() in the Pages Router', () => {
    const has = afterExportsOf(version);
    const wrong = run.outputs.flatMap((o) => {
      const before = afterExportsUsed(o.input.case.files[o.input.path] ?? '', o.input.path);
      const added = [...afterExportsUsed(o.output.text, o.output.path)].filter((n) => !before.has(n));
      const bad = o.output.path.split('/').includes('pages') ? added : added.filter((n) => !has.includes(n));
      return bad.length === 0 ? [] : [`${o.file}: adds ${bad.join(', ')} (${o.output.origins.join('; ')})`];
    });
    expect(wrong).toEqual([]);
    if (afterSupport(version) === 'none') {
      const afterRules = [...run.reported.keys()].filter((k) => k.startsWith('fn/prefer-after:') || k.startsWith('fn/valid-after:'));
      expect(afterRules, 'prefer-after / valid-after report nothing where next has no after').toEqual([]);
    }
  });

  it('checks outputs of every fix kind that applies to this version, and none of those that do not', () => {
    const count = (outputs: readonly CheckedOutput[], kind: string): number => outputs.filter((o) => o.output.categories.includes(kind)).length;
    const wrong: string[] = [];
    for (const [kind, applies] of expectedKinds(version)) {
      const n = applies ? count(required, kind) : count(run.outputs, kind);
      if (applies ? n === 0 : n > 0) wrong.push(`${kind}: ${n} outputs${applies ? ' type-checked, expected some' : ', expected none'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('runs the codemods cleanly, finding the version in the project as the committed fixtures expect', () => {
    const problems: string[] = [];
    for (const r of run.runs) {
      if (r.exitCode !== 0) problems.push(`${r.transform}: exit ${r.exitCode} ${r.stderr}`);
      if (r.dependencies.length > 0) problems.push(`${r.transform}: dependencies ${JSON.stringify(r.dependencies)}`);
      for (const f of codemodFixtures(r.transform as (typeof AFTER_TRANSFORMS)[number])) {
        const status = r.status.get(f.id);
        if (EXCLUDED_FIXTURES[f.id] !== undefined || f.options.error !== undefined) continue;
        if (!status) {
          problems.push(`${f.id}: not in the run's report`);
          continue;
        }
        if (f.options.nextVersion === undefined || !sameAfterSupport(f.options.nextVersion, version)) continue;
        // Written against a real project's modules (their library clients, for one): the stubs here cannot reproduce it.
        if (f.options.project !== undefined) continue;
        const expected = f.output !== undefined ? 'changed' : f.options.skip !== undefined ? 'skipped' : 'unchanged';
        if (status.status !== expected) problems.push(`${f.id}: ${status.status}${status.reason ? ` (${status.reason})` : ''}, fixture says ${expected}`);
        const out = run.outputs.find((o) => o.output.tool === 'codemod-run' && o.output.case.fixture?.id === f.id);
        if (f.output !== undefined && out && out.output.text !== f.output) problems.push(`${f.id}: real-run output differs from the committed output`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has tsc reject the negative controls (after exports this version lacks)', () => {
    expect(run.controls.length).toBeGreaterThan(0);
    const accepted = run.controls.filter((o) => (run.diagnostics.get(o.file) ?? []).length === 0).map((o) => o.file);
    expect(accepted).toEqual([]);
  });
});
