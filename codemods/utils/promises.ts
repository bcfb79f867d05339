/**
 * "Is this expression certainly a promise?" for the jscodeshift AST flavour. A codemod
 * rewrites without review (and `waitUntil` throws for anything that is not a promise), so it
 * asks the project index (lib/project-index) in its 'certain' mode, by source position: the
 * same syntactic analysis the rules run (lib/estree/promise-syntax.ts), with every path of a
 * conditional or a function required to give a promise:
 *   - `fetch(...)`, `new Promise(...)`, `Promise.all/allSettled/any/race/resolve/reject/try(...)`
 *     (only when `fetch` / `Promise` are the globals);
 *   - calls of async functions, and of functions every path of which returns one of these,
 *     in this module or (through the index) in the project's other modules;
 *   - the catalog's library calls (`db.from('t').insert()` on a Supabase client: a lazy
 *     thenable, which `waitUntil` runs);
 *   - calls on the host's bindings inside a handler (`c.env.LINKS.put(k, v)`: catalog PLATFORM_BINDINGS);
 *   - `.then(...)`, `.catch(...)`, `.finally(...)` on any of those, and `const` locals holding them.
 * A node the rewrite created (no source position) is never taken for a promise.
 */
import type { ASTPath } from 'jscodeshift';
import type { CallResult, HandlerSpan, ProjectIndex } from '../../lib/project-index/types.js';
import type { AnyNode } from './ast.js';
import type { RequestHandler } from './request-handlers.js';

export class PromiseDetector {
  private readonly spans: readonly HandlerSpan[];

  /** `handlers`: the file's request handlers, inside which calls on the host's bindings (`c.env.LINKS.put(…)`) are promises. */
  constructor(
    private readonly file: { readonly path: string; readonly source: string },
    private readonly index: ProjectIndex,
    handlers: readonly RequestHandler[] = [],
  ) {
    this.spans = handlers.flatMap((handler) => {
      const bindings = handler.shape.bindings;
      const range = nodeRange(handler.path.node);
      return bindings && range ? [{ start: range[0], end: range[1], bindings }] : [];
    });
  }

  isPromise(path: ASTPath): boolean {
    const kind = this.kindOf(path);
    return kind === 'promise' || kind === 'lazy';
  }

  /** 'promise', 'lazy' (a thenable that runs only when awaited: only PromiseLike), 'value', or undefined. */
  kindOf(path: ASTPath): CallResult | undefined {
    const range = nodeRange(path.node);
    return range && this.index.expressionKind(this.file.path, this.file.source, range[0], range[1], this.spans);
  }
}

/** A parsed node's source range; undefined for a node the rewrite created. */
function nodeRange(node: AnyNode): [number, number] | undefined {
  const start: unknown = node?.start ?? node?.range?.[0];
  const end: unknown = node?.end ?? node?.range?.[1];
  return typeof start === 'number' && typeof end === 'number' ? [start, end] : undefined;
}
