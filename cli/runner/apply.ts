/**
 * Runs one transform on one file's text, with no file system access: the text filter,
 * the envelope (BOM, shebang, CRLF), the transform, and the check that the output parses.
 * The CLI, its workers and the fixture tests all go through here.
 */
import { SkipFileError, type TransformModule } from '../../codemods/utils/contract.js';
import { closeEnvelope, openEnvelope } from './envelope.js';
import { jscodeshiftFor, parserFor, rawParser, type ParserName } from './parsers.js';

export interface ApplyOptions {
  readonly nextVersion?: string;
  readonly runtimeModules: readonly string[];
  /** --parser; by extension when absent. */
  readonly parser?: ParserName;
}

export interface FileError {
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  readonly message: string;
}

export type ApplyResult =
  | { readonly status: 'unchanged'; readonly filtered: boolean; readonly notes: readonly string[] }
  | { readonly status: 'changed'; readonly output: string; readonly notes: readonly string[] }
  | { readonly status: 'skipped'; readonly reason: string; readonly notes: readonly string[] }
  | { readonly status: 'error'; readonly error: FileError; readonly notes: readonly string[] };

interface BabelLikeError extends Error {
  loc?: { line: number; column: number };
  code?: string;
  reasonCode?: string;
}

/** A parser error as file:line:col + message; undefined when `error` is not one. */
export function parseErrorOf(error: unknown): FileError | undefined {
  const e = error as BabelLikeError;
  if (!(e instanceof Error) || !e.loc || typeof e.loc.line !== 'number') return undefined;
  if (!(e instanceof SyntaxError) && e.code !== 'BABEL_PARSER_SYNTAX_ERROR' && e.reasonCode === undefined) return undefined;
  const message = e.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
  return { line: e.loc.line, column: e.loc.column + 1, message };
}

export async function applyTransform(
  filename: string,
  text: string,
  transform: TransformModule,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const notes: string[] = [];
  const report = (message: string): void => {
    notes.push(message);
  };
  const transformOptions = { nextVersion: options.nextVersion, runtimeModules: options.runtimeModules, report };
  if (!transform.meta.textFilter(text, transformOptions)) return { status: 'unchanged', filtered: true, notes };

  const { envelope, body } = openEnvelope(text);
  const parserName = parserFor(filename, options.parser);
  const j = jscodeshiftFor(parserName);
  let result: unknown;
  try {
    result = await transform.default(
      { path: filename, source: body },
      { jscodeshift: j, j, stats: () => {}, report },
      transformOptions,
    );
  } catch (error) {
    if (error instanceof SkipFileError) return { status: 'skipped', reason: error.reason, notes };
    const parseError = parseErrorOf(error);
    if (parseError) return { status: 'error', error: parseError, notes };
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'error', error: { message: `the ${transform.meta.name} transform failed: ${message}` }, notes };
  }
  if (typeof result !== 'string' || result === body) return { status: 'unchanged', filtered: false, notes };

  try {
    rawParser(parserName).parse(result);
  } catch (error) {
    const parseError = parseErrorOf(error);
    const where = parseError?.line !== undefined ? ` (output ${parseError.line}:${parseError.column})` : '';
    const message = parseError?.message ?? (error instanceof Error ? error.message : String(error));
    return {
      status: 'error',
      error: { message: `the ${transform.meta.name} transform produced code that does not parse${where}: ${message}; file left untouched` },
      notes,
    };
  }
  const output = closeEnvelope(envelope, result);
  if (output === text) return { status: 'unchanged', filtered: false, notes };
  return { status: 'changed', output, notes };
}
