/**
 * One file, end to end: read, transform (./apply), then write atomically, or produce a
 * diff (--dry) or the new text (--print). Runs in the main thread or in a worker.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { addedPackages } from '../../lib/dependencies/imported-packages.js';
import { applyTransform, type ApplyOptions, type ApplyResult, type FileError } from './apply.js';
import { applySequence, type SequenceStep, type StepReport } from './apply-sequence.js';

export type OutputMode = 'write' | 'dry' | 'print';

export interface FileReport {
  /** Relative to the run's cwd, with `/` separators. */
  readonly file: string;
  readonly status: 'changed' | 'unchanged' | 'skipped' | 'error';
  /** Unchanged because the text filter ruled it out (never parsed). */
  readonly filtered?: boolean;
  readonly reason?: string;
  readonly error?: FileError;
  readonly notes: readonly string[];
  /** --dry: unified diff. */
  readonly diff?: string;
  /** --print: the transformed text. */
  readonly output?: string;
  /** Packages the file imports now that it did not before (changed files only). */
  readonly addedPackages?: readonly string[];
  /** A combined run (`upgrade`): what each transform did. */
  readonly transforms?: readonly StepReport[];
}

export interface ProcessContext {
  readonly cwd: string;
  readonly mode: OutputMode;
  readonly options: ApplyOptions;
  /** `upgrade`: every step runs over the file in turn (else the single step runs alone). */
  readonly combined?: boolean;
}

let diffModule: typeof import('diff') | undefined;

export async function unifiedDiff(name: string, before: string, after: string): Promise<string> {
  diffModule ??= await import('diff');
  return diffModule.createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
}

/** Writes `text` next to `file` and renames it over, keeping the file's mode. */
export function writeAtomic(file: string, data: Buffer, expectedMtimeMs: number, mode: number): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.fn-codemod.tmp`);
  try {
    writeFileSync(tmp, data, { mode, flag: 'wx' });
    chmodSync(tmp, mode);
    if (statSync(file).mtimeMs !== expectedMtimeMs) {
      throw new Error('the file changed on disk while it was being transformed; left as it is');
    }
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}

export async function processFile(file: string, steps: readonly SequenceStep[], ctx: ProcessContext): Promise<FileReport> {
  const name = relative(ctx.cwd, file).split('\\').join('/') || basename(file);
  let buffer: Buffer;
  let mtimeMs: number;
  let mode: number;
  try {
    const stat = statSync(file);
    mtimeMs = stat.mtimeMs;
    mode = stat.mode & 0o7777;
    buffer = readFileSync(file);
  } catch (error) {
    return { file: name, status: 'error', error: { message: `cannot read: ${(error as Error).message}` }, notes: [] };
  }
  const text = buffer.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(buffer)) {
    return { file: name, status: 'skipped', reason: 'not UTF-8 text', notes: [] };
  }

  let result: ApplyResult;
  let transforms: readonly StepReport[] | undefined;
  if (ctx.combined) {
    const sequence = await applySequence(file, text, steps, ctx.options);
    result = sequence;
    transforms = sequence.steps;
  } else {
    const [only] = steps;
    if (!only) throw new Error('processFile needs a transform');
    result = await applyTransform(file, text, only.transform, ctx.options);
  }
  switch (result.status) {
    case 'unchanged':
      return { file: name, status: 'unchanged', filtered: result.filtered, notes: result.notes, transforms };
    case 'skipped':
      return { file: name, status: 'skipped', reason: result.reason, notes: result.notes, transforms };
    case 'error':
      return { file: name, status: 'error', error: result.error, notes: result.notes, transforms };
    case 'changed':
      break;
  }
  const changed = { file: name, status: 'changed' as const, notes: result.notes, addedPackages: addedPackages(text, result.output), transforms };
  if (ctx.mode === 'dry') return { ...changed, diff: await unifiedDiff(name, text, result.output) };
  if (ctx.mode === 'print') return { ...changed, output: result.output };
  try {
    writeAtomic(file, Buffer.from(result.output, 'utf8'), mtimeMs, mode);
  } catch (error) {
    return { file: name, status: 'error', error: { message: `cannot write: ${(error as Error).message}` }, notes: result.notes, transforms };
  }
  return changed;
}
