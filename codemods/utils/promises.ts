/**
 * "Is this expression certainly a promise?" for the jscodeshift AST flavour. A codemod
 * rewrites without review (and `waitUntil` throws for anything that is not a promise), so
 * this is the conservative core of the rules' syntactic detection (rules/utils/promises.ts):
 *   - `fetch(...)`, `new Promise(...)`, `Promise.all/allSettled/any/race/resolve/reject/try(...)`
 *     (only when `fetch` / `Promise` are the globals);
 *   - calls of functions of the same module that are `async` or return one of these
 *     (function declarations, hoisting included, and never-reassigned bindings of arrow or
 *     function expressions), and immediately invoked async functions;
 *   - `.then(...)`, `.catch(...)`, `.finally(...)` on any of those;
 *   - never-reassigned locals initialised with any of those;
 *   - `a ? p : q` when both branches are, `p || x` / `p ?? x` when `p` is, `(x, p)`.
 * Imported functions and methods (`db.insert()`) are never assumed to return promises.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, memberPropertyName } from './ast.js';
import { unwrapPath } from './env-reads.js';
import { isFunctionLike } from './eval-context.js';
import { declarationOf, isGlobalAt, isReassigned, scopeOf } from './scope.js';
import { PROMISE_CHAIN_METHODS, PROMISE_RETURNING_GLOBAL, PROMISE_RETURNING_STATICS } from '../../lib/promise-facts.js';


export class PromiseDetector {
  private readonly returnsCache = new Map<AnyNode, boolean>();
  private readonly inProgress = new Set<AnyNode>();

  constructor(
    private readonly j: JSCodeshift,
    private readonly root: Collection,
  ) {}

  isPromise(input: ASTPath): boolean {
    const path = unwrapPath(input);
    const node: AnyNode = path.node;
    switch (node?.type) {
      case 'NewExpression':
        return node.callee.type === 'Identifier' && node.callee.name === 'Promise' && isGlobalAt(path, 'Promise');
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.isPromiseCall(path);
      case 'Identifier': {
        if (this.inProgress.has(node)) return false;
        const init = this.localInit(path);
        if (!init) return false;
        this.inProgress.add(node);
        const result = this.isPromise(init);
        this.inProgress.delete(node);
        return result;
      }
      case 'ConditionalExpression':
        return this.isPromise(this.child(path, 'consequent')) && this.isPromise(this.child(path, 'alternate'));
      case 'LogicalExpression':
        // A promise is truthy and not nullish: `p || x` and `p ?? x` are `p`; `x && p` may be `x`.
        return node.operator === '&&'
          ? this.isPromise(this.child(path, 'left')) && this.isPromise(this.child(path, 'right'))
          : this.isPromise(this.child(path, 'left'));
      case 'SequenceExpression':
        return this.isPromise((path as AnyNode).get('expressions', node.expressions.length - 1) as ASTPath);
      default:
        return false;
    }
  }

  private child(path: ASTPath, key: string): ASTPath {
    return (path as AnyNode).get(key) as ASTPath;
  }

  private isPromiseCall(path: ASTPath): boolean {
    const calleePath = unwrapPath(this.child(path, 'callee'));
    const callee: AnyNode = calleePath.node;
    if (isFunctionLike(callee)) return this.returnsPromise(calleePath);
    if (callee.type === 'Identifier') {
      if (callee.name === PROMISE_RETURNING_GLOBAL && isGlobalAt(calleePath, PROMISE_RETURNING_GLOBAL)) return true;
      const fn = this.localFunction(calleePath);
      return fn !== undefined && this.returnsPromise(fn);
    }
    if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
      const name = memberPropertyName(callee);
      if (name === undefined) return false;
      if (PROMISE_CHAIN_METHODS.has(name)) return this.isPromise(this.child(calleePath, 'object'));
      const object: AnyNode = callee.object;
      if (object.type === 'Identifier' && object.name === 'Promise' && PROMISE_RETURNING_STATICS.has(name)) return isGlobalAt(calleePath, 'Promise');
    }
    return false;
  }

  /** The declarator of a local `name` at `path` that is `const` or never reassigned. */
  private stableDeclarator(path: ASTPath): ASTPath | undefined {
    const name: string = (path.node as AnyNode).name;
    const declaration = declarationOf(path, name);
    const declarator = declaration?.parent as ASTPath | undefined;
    if (!declaration || (declarator?.node as AnyNode)?.type !== 'VariableDeclarator' || declaration.name !== 'id') return undefined;
    if ((declarator?.parent?.node as AnyNode)?.kind === 'const') return declarator;
    const scopeNode: AnyNode = scopeOf(declaration)?.node;
    return isReassigned(this.j, this.root, name, scopeNode) ? undefined : declarator;
  }

  private localInit(path: ASTPath): ASTPath | undefined {
    const declarator = this.stableDeclarator(path);
    return declarator && (declarator.node as AnyNode).init ? this.child(declarator, 'init') : undefined;
  }

  /** The function a local name holds: `function f(){}` (never reassigned) or `const f = () => …`. */
  private localFunction(path: ASTPath): ASTPath | undefined {
    const name: string = (path.node as AnyNode).name;
    const declaration = declarationOf(path, name);
    const parent = declaration?.parent as ASTPath | undefined;
    if (declaration && (parent?.node as AnyNode)?.type === 'FunctionDeclaration' && declaration.name === 'id') {
      return isReassigned(this.j, this.root, name, scopeOf(declaration)?.node) ? undefined : parent;
    }
    const init = this.localInit(path);
    if (!init) return undefined;
    const fn = unwrapPath(init);
    return isFunctionLike(fn.node) ? fn : undefined;
  }

  private returnsPromise(fnPath: ASTPath): boolean {
    const fn: AnyNode = fnPath.node;
    if (fn.generator) return false;
    if (fn.async) return true;
    const cached = this.returnsCache.get(fn);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(fn)) return false;
    this.inProgress.add(fn);
    const body = this.child(fnPath, 'body');
    let result: boolean;
    if ((body.node as AnyNode).type === 'BlockStatement') {
      // Every way out must give a promise: `return cond ? fetch() : null` or falling off the end is not.
      const returned = returnedExpressions(body);
      result = returned.length > 0 && alwaysReturns(body.node) && returned.every((p) => this.isPromise(p));
    } else {
      result = this.isPromise(body);
    }
    this.inProgress.delete(fn);
    this.returnsCache.set(fn, result);
    return result;
  }
}

/** Whether a statement never completes normally: it ends in `return` or `throw` on every branch. */
function alwaysReturns(stmt: AnyNode): boolean {
  switch (stmt?.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
      return true;
    case 'BlockStatement': {
      const body: AnyNode[] = stmt.body;
      return body.length > 0 && alwaysReturns(body[body.length - 1]);
    }
    case 'IfStatement':
      return alwaysReturns(stmt.consequent) && stmt.alternate !== null && stmt.alternate !== undefined && alwaysReturns(stmt.alternate);
    default:
      return false;
  }
}

/** The expressions a function body returns (nested functions excluded); a bare `return;` counts as a non-promise. */
function returnedExpressions(block: ASTPath): ASTPath[] {
  const out: ASTPath[] = [];
  const visit = (path: ASTPath | null | undefined): void => {
    const stmt: AnyNode = path?.node;
    if (!path || !stmt) return;
    const get = (...keys: (string | number)[]): ASTPath => (path as AnyNode).get(...keys) as ASTPath;
    switch (stmt.type) {
      case 'ReturnStatement':
        out.push(stmt.argument ? get('argument') : path);
        return;
      case 'BlockStatement':
        (stmt.body as AnyNode[]).forEach((_, i) => visit(get('body', i)));
        return;
      case 'IfStatement':
        visit(get('consequent'));
        if (stmt.alternate) visit(get('alternate'));
        return;
      case 'TryStatement':
        visit(get('block'));
        if (stmt.handler) visit(get('handler', 'body'));
        if (stmt.finalizer) visit(get('finalizer'));
        return;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        visit(get('body'));
        return;
      case 'SwitchStatement':
        (stmt.cases as AnyNode[]).forEach((c, i) => (c.consequent as AnyNode[]).forEach((_, k) => visit(get('cases', i, 'consequent', k))));
        return;
      default:
        return;
    }
  };
  visit(block);
  return out;
}
