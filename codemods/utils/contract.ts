/**
 * The contract between a transform and the fn-codemod runner.
 *
 * A transform module (codemods/<name>.ts) default-exports a jscodeshift transform and
 * exports `meta`. The transform returns the new source, or `undefined`/`null`/the input
 * unchanged when it has nothing to do. To skip a file with a reason (e.g. "Next.js 14.2.0
 * has no after()"), it calls `skipFile(reason)`. Notes for the user that do not stop the
 * rewrite ("RequestContext has no counterpart") go through `options.report`.
 */
import type { Transform } from 'jscodeshift';

export interface TransformMeta {
  readonly name: string;
  /** One line, for `fn-codemod list`. */
  readonly description: string;
  /**
   * Cheap text check run before parsing: false means the file cannot match and is never
   * parsed. Must not have false negatives.
   */
  textFilter(source: string, options: TransformOptions): boolean;
}

export interface TransformOptions {
  /** From --next-version; otherwise the transform reads the nearest package.json. */
  readonly nextVersion?: string;
  /** From --runtime-module (repeatable): wrapper modules added to the API module list. */
  readonly runtimeModules: readonly string[];
  /** Notes for the summary, attached to the file. */
  readonly report: (message: string) => void;
  readonly [key: string]: unknown;
}

export interface TransformModule {
  readonly default: Transform;
  readonly meta: TransformMeta;
}

export class SkipFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SkipFileError';
  }
}

/** Leave this file as it is and list it under "skipped" with `reason`. */
export function skipFile(reason: string): never {
  throw new SkipFileError(reason);
}
