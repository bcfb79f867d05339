/**
 * The end-of-run report: a human summary, or (with --json) one JSON document on stdout.
 *
 * JSON shape (version 1):
 *   { version: 1, transform, mode: 'write'|'dry'|'print', exitCode, workers (1 = in-process),
 *     summary: { files, changed, unchanged, notParsed, skipped, errors },
 *     files: [{ file, status: 'changed'|'unchanged'|'skipped'|'error',
 *               filtered?, reason?, error?: { line?, column?, message }, notes: string[],
 *               diff? (dry), output? (print) }] }
 * `notParsed` counts the unchanged files the transform's text filter ruled out.
 */
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

export function jsonReport(
  transform: string,
  mode: OutputMode,
  exitCode: number,
  workers: number,
  reports: readonly FileReport[],
): string {
  const report = { version: 1, transform, mode, exitCode, workers, summary: summarize(reports), files: reports };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function location(r: FileReport): string {
  const e = r.error;
  if (e?.line === undefined) return r.file;
  return `${r.file}:${e.line}:${e.column ?? 1}`;
}

export function textSummary(transform: string, mode: OutputMode, reports: readonly FileReport[]): string {
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
  return `${lines.join('\n')}\n`;
}
