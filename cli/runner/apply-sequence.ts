/**
 * Runs several transforms over one file's text in memory, one after another (the `upgrade`
 * command): each transform gets the text the previous one produced, a transform whose text
 * filter rejects the current text is not parsed, and one that does not apply to the file's
 * project (codemods/upgrade-order) is not run. Any error leaves the whole file untouched.
 */
import type { TransformModule } from '../../codemods/utils/contract.js';
import type { UpgradeStep } from '../../codemods/upgrade-order.js';
import { applyTransform, type ApplyOptions, type ApplyResult, type FileError } from './apply.js';

export interface SequenceStep {
  readonly transform: TransformModule;
  readonly notApplicable?: UpgradeStep['notApplicable'];
}

/** What one transform did to the file, in the JSON report of a combined run. */
export interface StepReport {
  readonly transform: string;
  readonly status: 'changed' | 'unchanged' | 'skipped' | 'error' | 'not-applicable';
  /** Unchanged because the text filter ruled the current text out (not parsed). */
  readonly filtered?: boolean;
  readonly reason?: string;
  readonly notes: readonly string[];
}

export type SequenceResult = ApplyResult & { readonly steps: readonly StepReport[] };

export async function applySequence(
  filename: string,
  text: string,
  steps: readonly SequenceStep[],
  options: ApplyOptions,
): Promise<SequenceResult> {
  const reports: StepReport[] = [];
  const notes: string[] = [];
  const skips: string[] = [];
  let current = text;
  let allFiltered = true;
  for (const step of steps) {
    const name = step.transform.meta.name;
    const filterOptions = { nextVersion: options.nextVersion, runtimeModules: options.runtimeModules, report: () => {} };
    if (!step.transform.meta.textFilter(current, filterOptions)) {
      reports.push({ transform: name, status: 'unchanged', filtered: true, notes: [] });
      continue;
    }
    const why = step.notApplicable?.(filename, options.nextVersion);
    if (why !== undefined) {
      allFiltered = false;
      reports.push({ transform: name, status: 'not-applicable', reason: why, notes: [] });
      continue;
    }
    const result = await applyTransform(filename, current, step.transform, options);
    notes.push(...result.notes.map((n) => `${name}: ${n}`));
    switch (result.status) {
      case 'error':
        reports.push({ transform: name, status: 'error', reason: result.error.message, notes: result.notes });
        return { status: 'error', error: inTransform(name, result.error), notes, steps: reports };
      case 'skipped':
        allFiltered = false;
        skips.push(`${name}: ${result.reason}`);
        reports.push({ transform: name, status: 'skipped', reason: result.reason, notes: result.notes });
        break;
      case 'unchanged':
        if (!result.filtered) allFiltered = false;
        reports.push({ transform: name, status: 'unchanged', filtered: result.filtered, notes: result.notes });
        break;
      case 'changed':
        allFiltered = false;
        current = result.output;
        reports.push({ transform: name, status: 'changed', notes: result.notes });
        break;
    }
  }
  if (current !== text) return { status: 'changed', output: current, notes: [...notes, ...skips.map((s) => `skipped by ${s}`)], steps: reports };
  if (skips.length > 0) return { status: 'skipped', reason: skips.join('; '), notes, steps: reports };
  return { status: 'unchanged', filtered: allFiltered, notes, steps: reports };
}

function inTransform(name: string, error: FileError): FileError {
  return error.message.includes(name) ? error : { ...error, message: `${error.message} (in ${name})` };
}
