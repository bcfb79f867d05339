/**
 * The skeleton every rewriting transform shares: one object per file holding the
 * jscodeshift API, the parsed root, an ImportEditor and the options; `run()` rewrites,
 * `changed` says whether anything did, `print()` prints through the editor.
 */
import type { API, Collection, FileInfo, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from './ast.js';
import type { TransformOptions } from './contract.js';
import { ImportEditor } from './imports.js';
import { reportAt } from './report.js';

export abstract class FileRewrite {
  changed = false;
  protected readonly editor: ImportEditor;

  constructor(
    protected readonly j: JSCodeshift,
    protected readonly root: Collection,
    protected readonly file: FileInfo,
    protected readonly options: TransformOptions,
  ) {
    this.editor = new ImportEditor(j, root, file);
  }

  abstract run(): void;

  /** A note for the run's summary, with the node's line. */
  protected note(message: string, node: AnyNode): void {
    reportAt(this.options, node, message);
  }

  print(): string {
    return this.editor.print();
  }
}

/**
 * The jscodeshift transform for a FileRewrite: `create` returns the rewrite for a parsed
 * file, or undefined when the file has nothing it could rewrite.
 */
export function rewriteTransform(
  create: (j: JSCodeshift, root: Collection, file: FileInfo, options: TransformOptions) => FileRewrite | undefined,
): (file: FileInfo, api: API, options: TransformOptions) => string | undefined {
  return (file, api, options) => {
    const j = api.jscodeshift;
    const rewrite = create(j, j(file.source), file, options);
    if (!rewrite) return undefined;
    rewrite.run();
    return rewrite.changed ? rewrite.print() : undefined;
  };
}
