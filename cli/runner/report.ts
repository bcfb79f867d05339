/**
 * The end-of-run report: a human summary, or (with --json) one JSON document on stdout.
 *
 * JSON shape (version 1):
 *   { version: 1, transform, mode: 'write'|'dry'|'print', exitCode, workers (1 = in-process),
 *     summary: { files, changed, unchanged, notParsed, skipped, errors },
 *     files: [{ file, status: 'changed'|'unchanged'|'skipped'|'error',
 *               filtered?, reason?, error?: { line?, column?, message }, notes: string[],
 *               diff? (dry), output? (print), addedPackages? (changed: packages it imports now
 *               that it did not), transforms? (upgrade: [{ transform, status: 'changed'|
 *               'unchanged'|'skipped'|'error'|'not-applicable', filtered?, reason?, notes }]) }],
 *     dependencies: [{ manifest?, package, range?, action: 'added'|'would-add'|'undeclared',
 *                      reason?, addCommand?, files }],
 *     install: [{ packageManager, cwd, command, from, ran, exitCode? }],
 *     dependencyErrors? (manifests that could not be edited, failed installs),
 *     manifestDiffs? (dry: a unified diff per package.json that would change),
 *     transforms? (upgrade: [{ transform, changed, unchanged, notParsed, skipped, errors,
 *                             notApplicable }], in the order they ran) }
 * `notParsed` counts the unchanged files the transform's text filter ruled out.
 */
import { dependencyLines, type DependencyOutcome } from './dependencies.js';
import type { FileReport, OutputMode } from './process-file.js';

export interface RunSummary {
  readonly files: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly notParsed: number;
  readonly skipped: number;
  readonly errors: number;
}

export function summarize(reports: readonly FileReport[]): RunSummary {
  const count = (status: FileReport['status']): number => reports.filter((r) => r.status === status).length;
  return {
    files: reports.length,
    changed: count('changed'),
    unchanged: count('unchanged'),
    notParsed: reports.filter((r) => r.filtered).length,
    skipped: count('skipped'),
    errors: count('error'),
  };
}

export interface TransformSummary {
  readonly transform: string;
  readonly changed: number;
  readonly unchanged: number;
  readonly notParsed: number;
  readonly skipped: number;
  readonly errors: number;
  readonly notApplicable: number;
}

/** A combined run: what each transform did over all files, in run order. */
export function summarizeTransforms(order: readonly string[], reports: readonly FileReport[]): TransformSummary[] {
  return order.map((transform) => {
    const steps = reports.flatMap((r) => r.transforms ?? []).filter((s) => s.transform === transform);
    const count = (status: string): number => steps.filter((s) => s.status === status).length;
    return {
      transform,
      changed: count('changed'),
      unchanged: count('unchanged'),
      notParsed: steps.filter((s) => s.filtered).length,
      skipped: count('skipped'),
      errors: count('error'),
      notApplicable: count('not-applicable'),
    };
  });
}

export interface RunOutcome {
  readonly label: string;
  readonly mode: OutputMode;
  readonly exitCode: number;
  readonly workers: number;
  readonly reports: readonly FileReport[];
  readonly dependencies: DependencyOutcome;
  /** A combined run's transforms, in order. */
  readonly transforms?: readonly string[];
}

export function jsonReport(run: RunOutcome): string {
  const report = {
    version: 1,
    transform: run.label,
    mode: run.mode,
    exitCode: run.exitCode,
    workers: run.workers,
    summary: summarize(run.reports),
    ...(run.transforms ? { transforms: summarizeTransforms(run.transforms, run.reports) } : {}),
    dependencies: run.dependencies.changes,
    install: run.dependencies.installs,
    ...(run.dependencies.errors.length > 0 ? { dependencyErrors: run.dependencies.errors } : {}),
    ...(run.dependencies.diffs.length > 0 ? { manifestDiffs: run.dependencies.diffs } : {}),
    files: run.reports,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function location(r: FileReport): string {
  const e = r.error;
  if (e?.line === undefined) return r.file;
  return `${r.file}:${e.line}:${e.column ?? 1}`;
}

export function textSummary(run: RunOutcome): string {
  const { label: transform, mode, reports } = run;
  const s = summarize(reports);
  const lines: string[] = [];
  const verb = mode === 'write' ? 'changed' : 'would change';
  lines.push(
    `fn-codemod ${transform}: ${s.files} file${s.files === 1 ? '' : 's'}: ${s.changed} ${verb}, ` +
      `${s.unchanged} unchanged (${s.notParsed} ruled out without parsing), ${s.skipped} skipped, ${s.errors} error${s.errors === 1 ? '' : 's'}`,
  );
  const skipped = reports.filter((r) => r.status === 'skipped');
  if (skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const r of skipped) lines.push(`  ${r.file}: ${r.reason ?? ''}`);
  }
  const errors = reports.filter((r) => r.status === 'error');
  if (errors.length > 0) {
    lines.push('', 'Errors (these files were left untouched):');
    for (const r of errors) lines.push(`  ${location(r)}: ${r.error?.message ?? ''}`);
  }
  const noted = reports.filter((r) => r.notes.length > 0);
  if (noted.length > 0) {
    lines.push('', 'Notes:');
    for (const r of noted) for (const n of r.notes) lines.push(`  ${r.file}: ${n}`);
  }
  if (run.transforms) lines.push(...transformLines(run.transforms, reports, verb));
  lines.push(...dependencyLines(run.dependencies));
  return `${lines.join('\n')}\n`;
}

function transformLines(order: readonly string[], reports: readonly FileReport[], verb: string): string[] {
  const lines = ['', 'Transforms (in the order they ran):'];
  for (const t of summarizeTransforms(order, reports)) {
    const parts = [`${t.changed} ${verb}`];
    if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
    if (t.errors > 0) parts.push(`${t.errors} error${t.errors === 1 ? '' : 's'}`);
    if (t.notApplicable > 0) parts.push(`${t.notApplicable} not applicable`);
    lines.push(`  ${t.transform}: ${parts.join(', ')}`);
  }
  const why = new Map<string, Set<string>>();
  for (const step of reports.flatMap((r) => r.transforms ?? [])) {
    if (step.status !== 'not-applicable' || step.reason === undefined) continue;
    const reasons = why.get(step.transform) ?? new Set<string>();
    why.set(step.transform, reasons);
    reasons.add(step.reason);
  }
  for (const [transform, reasons] of why) lines.push(`  not applicable: ${transform} (${[...reasons].join('; ')})`);
  return lines;
}
