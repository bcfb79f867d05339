/**
 * Failure and summary text for the fix type checks: a failing file is shown with the tsc
 * diagnostics, what produced it (rule + messageId, or codemod + fixture) and its numbered
 * source, error lines marked.
 */
import type { Diagnostic } from './tsc.js';
import type { CheckedOutput, InputFile, VersionRun } from './version-run.js';

function numbered(text: string, marked: ReadonlySet<number>): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const width = String(lines.length).length;
  return lines.map((l, i) => `${marked.has(i + 1) ? '>' : ' '} ${String(i + 1).padStart(width)} | ${l}`).join('\n');
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;
}

function describeInput(input: InputFile): string {
  return `${input.case.id} ${input.path}`;
}

/** One output that failed: where, why, what produced it, and its source. */
export function formatOutputFailure(version: string, o: CheckedOutput, diagnostics: readonly Diagnostic[]): string {
  const marked = new Set(diagnostics.map((d) => d.line));
  return [
    `next@${version}: ${o.file}`,
    ...diagnostics.map((d) => `  tsc: ${formatDiagnostic(d)}`),
    ...o.output.origins.map((origin) => `  produced by: ${origin}`),
    `  from input: ${describeInput(o.input)}`,
    numbered(o.output.text, marked),
  ].join('\n');
}

export function formatInputMismatch(version: string, input: InputFile, text: string, diagnostics: readonly Diagnostic[]): string {
  const expected = input.missing.length > 0 ? `expected tsc to reject it (it uses ${input.missing.join(', ')})` : 'expected it to type-check';
  return [
    `next@${version}: input ${describeInput(input)} (${input.file}): ${expected}`,
    ...diagnostics.map((d) => `  tsc: ${formatDiagnostic(d)}`),
    numbered(text, new Set(diagnostics.map((d) => d.line))),
  ].join('\n');
}

/** Counts per tool, for the suite's log. */
export function summaryLine(run: VersionRun, required: readonly CheckedOutput[]): string {
  const by = (tool: string): number => required.filter((o) => o.output.tool === tool).length;
  const broken = run.inputs.filter((i) => i.missing.length > 0).length;
  return (
    `[test:next] next@${run.version}: ${required.length} fix outputs type-checked ` +
    `(eslint ${by('eslint')}, committed codemod outputs ${by('codemod-fixture')}, real codemod run ${by('codemod-run')}); ` +
    `${run.outputs.length - required.length} outputs of inputs this version cannot build not required; ` +
    `${run.inputs.length} inputs (${broken} use an after export next@${run.version} lacks); ${run.controls.length} negative controls`
  );
}
