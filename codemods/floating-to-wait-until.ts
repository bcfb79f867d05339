/**
 * floating-to-wait-until: promises started at statement level in a request handler and never
 * awaited -> handed to `waitUntil(...)` from the functions API, or to `after(...)` from
 * `next/server` in App Router code (app/**, middleware/proxy, server actions) when the
 * project's Next.js has it (>= 15.1 `after`; 15.0.x `unstable_after as after`).
 *
 *   fetch('/audit', { method: 'POST' });        -> waitUntil(fetch('/audit', { method: 'POST' }));
 *   void track(event);                          -> waitUntil(track(event));
 *   track(event).catch(report);                 -> waitUntil(track(event).catch(report));
 *
 * Only expression statements directly in a handler's body (blocks, if/try/loops included;
 * nested callbacks not), and only expressions that are certainly promises (utils/promises).
 * Pages Router API routes and non-Next handlers get waitUntil; App Router code whose Next.js
 * version cannot be found gets waitUntil too (reported), which works on every version.
 */
import type { ASTPath, Collection, FileInfo, JSCodeshift } from 'jscodeshift';
import { NEXT_FACTS } from '../lib/catalog.js';
import { mentionsRouterPackage } from '../lib/frameworks/match.js';
import { afterSupport, findNextVersion } from '../lib/next-version.js';
import { ensureApiImport } from './utils/api-import.js';
import type { AnyNode } from './utils/ast.js';
import type { TransformMeta, TransformOptions } from './utils/contract.js';
import { unwrapPath } from './utils/env-reads.js';
import { PromiseDetector } from './utils/promises.js';
import { isGlobalAt } from './utils/scope.js';
import { getProjectIndex } from '../lib/project-index/index.js';
import { reportAt } from './utils/report.js';
import { findRequestHandlers, type RequestHandler, type RequestHandlers } from './utils/request-handlers.js';
import { parseExpression } from './utils/snippets.js';
import { rangeOf, relativeText } from './utils/source-text.js';
import { FileRewrite, rewriteTransform } from './utils/file-rewrite.js';
import { scopeOf } from './utils/scope.js';

const WAIT_UNTIL = 'waitUntil';
const LEFT_ALONE =
  'a promise inside a conditional or sequence expression is neither awaited nor handed to waitUntil()/after(); rewrite it by hand';

export const meta: TransformMeta = {
  name: 'floating-to-wait-until',
  description: `Unawaited promises at statement level in request handlers -> waitUntil(...), or after(...) in App Router code (Next.js >= ${NEXT_FACTS.afterStableFrom})`,
  // A handler is an export, 'use server', or a route callback of a router package the file
  // imports (`app.get(…)` in a file with no export); a promise comes from fetch, Promise or an async function.
  textFilter: (source) =>
    (source.includes('export') || source.includes('use server') || mentionsRouterPackage(source)) &&
    (source.includes('fetch') || source.includes('Promise') || source.includes('async') || source.includes('import') || source.includes('require(')),
};

type Wrapper = 'waitUntil' | 'after' | 'unstable_after';

/** Statement containers walked inside a handler body (functions are not entered). */
const NESTED_STATEMENTS: Readonly<Record<string, readonly string[]>> = {
  BlockStatement: ['body'],
  IfStatement: ['consequent', 'alternate'],
  TryStatement: ['block', 'finalizer'],
  CatchClause: ['body'],
  ForStatement: ['body'],
  ForInStatement: ['body'],
  ForOfStatement: ['body'],
  WhileStatement: ['body'],
  DoWhileStatement: ['body'],
  LabeledStatement: ['body'],
  SwitchCase: ['consequent'],
  SwitchStatement: ['cases'],
};

class FloatingRewrite extends FileRewrite {
  private readonly promises: PromiseDetector;
  private appWrapper: Wrapper | undefined;
  private versionNoted = false;

  constructor(
    j: JSCodeshift,
    root: Collection,
    file: FileInfo,
    options: TransformOptions,
    private readonly found: RequestHandlers,
  ) {
    super(j, root, file, options);
    this.promises = new PromiseDetector(file, getProjectIndex({ enabled: true, runtimeModules: options.runtimeModules }), found.handlers);
  }

  run(): void {
    for (const handler of this.found.handlers) {
      const body = (handler.path as AnyNode).get('body') as ASTPath;
      if ((body.node as AnyNode).type === 'BlockStatement') this.visit(body, handler);
    }
  }

  private visit(path: ASTPath, handler: RequestHandler): void {
    // `value`, not `node`: for a list (a block's `body`) `node` is the block itself.
    const node: AnyNode = path.value;
    if (!node) return;
    if (Array.isArray(node)) {
      node.forEach((_, i) => this.visit((path as AnyNode).get(i) as ASTPath, handler));
      return;
    }
    if (node.type === 'ExpressionStatement') {
      if (typeof node.directive !== 'string') this.checkStatement(path, handler);
      return;
    }
    if (node.type === 'TryStatement' && node.handler) this.visit((path as AnyNode).get('handler'), handler);
    for (const key of NESTED_STATEMENTS[node.type as string] ?? []) {
      if (node[key]) this.visit((path as AnyNode).get(key) as ASTPath, handler);
    }
  }

  private checkStatement(statement: ASTPath, handler: RequestHandler): void {
    const expressionPath = (statement as AnyNode).get('expression') as ASTPath;
    const expression: AnyNode = expressionPath.node;
    const inner = unwrapPath(expressionPath);
    const node: AnyNode = inner.node;
    let argument: ASTPath | undefined;
    if (node.type === 'UnaryExpression' && node.operator === 'void') {
      const operand = (inner as AnyNode).get('argument') as ASTPath;
      if (this.promises.isPromise(operand)) argument = operand;
    } else if (this.promises.isPromise(expressionPath)) {
      argument = expressionPath;
    } else if (this.containsPromise(inner)) {
      reportAt(this.options, node, LEFT_ALONE);
    }
    if (!argument) return;
    // `(p, q)` is the promise `q`; a promise before it would go on floating inside the call.
    const sequence: AnyNode = unwrapPath(argument).node;
    if (sequence.type === 'SequenceExpression' && this.leadingPromise(unwrapPath(argument))) {
      reportAt(this.options, node, LEFT_ALONE);
      return;
    }
    const local = this.keeperAt(handler, statement) ?? this.local(this.wrapperFor(handler), statement);
    // Written as text so the argument keeps its layout; inside an async arrow so that an
    // `await` in it parses. A sequence keeps its parentheses: it is one argument.
    const [start, end] = rangeOf(argument.node);
    const text = relativeText(this.file.source, start, end);
    let operand = sequence.type === 'SequenceExpression' ? `(${text})` : text;
    // A lazy thenable (Supabase's query builders) is only PromiseLike: waitUntil and after take a Promise.
    if (this.promises.kindOf(argument) === 'lazy' && isGlobalAt(statement, 'Promise')) operand = `Promise.resolve(${operand})`;
    const wrapper = parseExpression(this.j, `async () => ${local}(${operand})`);
    if (expression.extra?.parenthesized) {
      // `(p, q);`: the statement's own parentheses would stay around the call; print it anew.
      const replacement: AnyNode = this.j.expressionStatement(wrapper.body);
      replacement.comments = (statement.node as AnyNode).comments;
      statement.replace(replacement);
    } else expressionPath.replace(wrapper.body);
    this.changed = true;
  }

  /** Whether an expression of the sequence `(a, b, q)` before its last one is or holds a promise. */
  private leadingPromise(path: ASTPath): boolean {
    const count = ((path.node as AnyNode).expressions as AnyNode[]).length;
    for (let i = 0; i < count - 1; i++) {
      const child = unwrapPath((path as AnyNode).get('expressions', i) as ASTPath);
      if (this.promises.isPromise(child) || this.containsPromise(child)) return true;
    }
    return false;
  }

  /** `a ? p : q`, `cond && p`, `(p, q)` with a promise somewhere that is not the whole value. */
  private containsPromise(path: ASTPath): boolean {
    const node: AnyNode = path.node;
    const part = (key: string): boolean => {
      const child = unwrapPath((path as AnyNode).get(key) as ASTPath);
      return this.promises.isPromise(child) || this.containsPromise(child);
    };
    switch (node?.type) {
      case 'ConditionalExpression':
        return part('consequent') || part('alternate');
      case 'LogicalExpression':
        return part('left') || part('right');
      case 'SequenceExpression':
        return (node.expressions as AnyNode[]).some((_, i) => {
          const child = unwrapPath((path as AnyNode).get('expressions', i) as ASTPath);
          return this.promises.isPromise(child) || this.containsPromise(child);
        });
      case 'UnaryExpression':
        return node.operator === 'void' && part('argument');
      default:
        return false;
    }
  }

  /** The handler's own keeper (`ctx.waitUntil`), when no inner binding at `at` hides its parameter. */
  private keeperAt(handler: RequestHandler, at: ASTPath): string | undefined {
    const keeper = handler.keeper;
    if (keeper === undefined) return undefined;
    const root = /^[A-Za-z_$][\w$]*/.exec(keeper)?.[0] ?? '';
    const declaring: AnyNode = scopeOf(at)?.lookup(root);
    return declaring && declaring.node === handler.path.node ? keeper : undefined;
  }

  /** waitUntil, or after / unstable_after in App Router code of a Next.js that has it. */
  private wrapperFor(handler: RequestHandler): Wrapper {
    const role = this.found.role;
    // after() is Next.js's: a Remix `app/routes/**` module or a Hono app is not App Router code.
    if (role.pagesApi || (handler.shape.framework !== 'next' && handler.shape.framework !== 'vercel')) return WAIT_UNTIL;
    const appCode = role.appRouter || role.middleware || this.found.serverActionsFile || handler.kind === 'server-action';
    if (!appCode) return WAIT_UNTIL;
    if (this.appWrapper === undefined) {
      const next = findNextVersion(this.file.path, this.options.nextVersion);
      if (!next) {
        this.appWrapper = WAIT_UNTIL;
        if (!this.versionNoted) {
          this.versionNoted = true;
          this.options.report('no Next.js version found (no package.json with next above this file), so waitUntil() is used; pass --next-version to use after()');
        }
      } else {
        const support = afterSupport(next.version);
        this.appWrapper = support === 'none' ? WAIT_UNTIL : support;
      }
    }
    return this.appWrapper;
  }

  /** The expression for `wrapper` at `at`: an existing import no local hides there, else a new one. */
  private local(wrapper: Wrapper, at: ASTPath): string {
    if (wrapper === WAIT_UNTIL) return ensureApiImport(this.editor, this.root, WAIT_UNTIL, this.options.runtimeModules, undefined, at);
    if (wrapper === 'after') return this.editor.ensure({ module: NEXT_FACTS.afterModule, name: NEXT_FACTS.afterExport, aliases: ['nextAfter'], at });
    return this.editor.ensure({
      module: NEXT_FACTS.afterModule,
      name: NEXT_FACTS.unstableAfterExport,
      locals: [NEXT_FACTS.afterExport, 'nextAfter'],
      at,
    });
  }
}

export default rewriteTransform((j, root, file, options) => {
  const found = findRequestHandlers(j, root, file.path, file.source);
  return found.handlers.length === 0 ? undefined : new FloatingRewrite(j, root, file, options, found);
});
