/**
 * "Is this expression a promise?" for the rules, in one place.
 *
 * With type information (parserServices.program present) the type checker answers: a value
 * is a promise when some constituent of its type has a callable `then` (thenables count).
 *
 * Without it, a syntactic analysis recognises:
 *   - `fetch(...)` and `new Promise(...)`, `Promise.all/allSettled/any/race/resolve/reject/try(...)`
 *     (only when `fetch`/`Promise` are the globals, not a local binding);
 *   - calls of functions declared in the same module that are `async`, or that return one
 *     of the above (function declarations, hoisting included, and `const` bindings of arrow
 *     or function expressions), and immediately invoked async functions;
 *   - `.then(...)`, `.catch(...)`, `.finally(...)` on any of those;
 *   - `const` (or never reassigned) variables initialised with any of those;
 *   - calls whose callee path is listed in the rule's `promiseFunctions` option
 *     (`'track'`, `'db.insert'`, `'this.queue.flush'`); this also applies in typed mode.
 * It misses promises from imported functions, methods (`res.json()`, `db.query()`), and
 * values whose promise-ness only a type would tell; list such names in `promiseFunctions`
 * or lint with type information.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { dottedPath, functionOfInit, isFunctionNode, memberName, unwrapTypeWrappers, type FunctionNode } from './ast.js';
import { isGlobalReference, variableOf } from './scope.js';
import { typeServices } from './type-services.js';
import { PROMISE_CHAIN_METHODS, PROMISE_RETURNING_GLOBAL, PROMISE_RETURNING_STATICS } from '../../lib/promise-facts.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

export interface PromiseDetector {
  /** Whether type information is used. */
  readonly typed: boolean;
  isPromise(node: TSESTree.Expression): boolean;
  /**
   * Whether `node` evaluates to a function (not a promise): true when known to be one,
   * false otherwise (unknown included).
   */
  isFunctionValue(node: TSESTree.Expression): boolean;
  /** Typed mode only: the type text when `node` is known not to be a promise or function. */
  nonPromiseType(node: TSESTree.Expression): string | undefined;
}

// ts.TypeFlags values (typescript is a type-only import here: the plugin does not load it itself).
const LOOSE_FLAGS = 1 /* Any */ | 2 /* Unknown */;
const TYPE_PARAMETER_FLAG = 1 << 18;

/** The JSON schema of the `promiseFunctions` option, shared by the rules that accept it. */
export const promiseFunctionsSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description: "Callee paths that return promises, for untyped linting: 'track', 'db.insert', 'this.queue.flush'.",
} as const;

const detectors = new WeakMap<SourceCode, Map<string, PromiseDetector>>();

export function getPromiseDetector(context: Context, promiseFunctions: readonly string[] = []): PromiseDetector {
  const sourceCode = context.sourceCode;
  let byOptions = detectors.get(sourceCode);
  if (!byOptions) {
    byOptions = new Map();
    detectors.set(sourceCode, byOptions);
  }
  const key = promiseFunctions.join('\n');
  let detector = byOptions.get(key);
  if (!detector) {
    detector = createDetector(sourceCode, new Set(promiseFunctions));
    byOptions.set(key, detector);
  }
  return detector;
}

function createDetector(sourceCode: SourceCode, listed: ReadonlySet<string>): PromiseDetector {
  const services = typeServices(sourceCode);
  const returnsPromiseCache = new WeakMap<FunctionNode, boolean>();
  const inProgress = new Set<TSESTree.Node>();

  const isGlobal = (id: TSESTree.Identifier): boolean => isGlobalReference(sourceCode, id);

  const isListedCall = (callee: TSESTree.Node): boolean => {
    if (listed.size === 0) return false;
    const path = dottedPath(callee);
    return path !== undefined && listed.has(path);
  };

  /** The function a local binding holds: `function f(){}` or `const f = () => …` (never reassigned). */
  const localFunction = (id: TSESTree.Identifier): FunctionNode | undefined => {
    const variable = variableOf(sourceCode, id);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return undefined;
    if (def.type === 'FunctionName') return def.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : undefined;
    if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && isNeverReassigned(variable)) {
      return functionOfInit(def.node.init);
    }
    return undefined;
  };

  /** The initialiser of a `const x = …` (or never reassigned `let`) binding. */
  const localInit = (id: TSESTree.Identifier): TSESTree.Expression | undefined => {
    const variable = variableOf(sourceCode, id);
    const def = variable?.defs[0];
    if (!variable || def?.type !== 'Variable' || variable.defs.length !== 1) return undefined;
    if (def.node.id.type !== AST_NODE_TYPES.Identifier || !isNeverReassigned(variable)) return undefined;
    return def.node.init ?? undefined;
  };

  const returnsPromise = (fn: FunctionNode): boolean => {
    if (fn.generator) return false;
    if (fn.async) return true;
    const cached = returnsPromiseCache.get(fn);
    if (cached !== undefined) return cached;
    if (inProgress.has(fn)) return false;
    inProgress.add(fn);
    let result = false;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) result = syntacticPromise(fn.body);
    else result = returnedExpressions(fn.body).some(syntacticPromise);
    inProgress.delete(fn);
    returnsPromiseCache.set(fn, result);
    return result;
  };

  const syntacticPromise = (input: TSESTree.Expression): boolean => {
    const node = unwrapTypeWrappers(input);
    switch (node.type) {
      case AST_NODE_TYPES.NewExpression:
        return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' && isGlobal(node.callee);
      case AST_NODE_TYPES.CallExpression:
        return syntacticPromiseCall(node);
      case AST_NODE_TYPES.Identifier: {
        if (inProgress.has(node)) return false;
        const init = localInit(node);
        if (!init) return false;
        inProgress.add(node);
        const result = syntacticPromise(init);
        inProgress.delete(node);
        return result;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return syntacticPromise(node.consequent) || syntacticPromise(node.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return syntacticPromise(node.right) || (node.operator !== '&&' && syntacticPromise(node.left));
      case AST_NODE_TYPES.SequenceExpression: {
        const last = node.expressions[node.expressions.length - 1];
        return last !== undefined && syntacticPromise(last);
      }
      default:
        return false;
    }
  };

  const syntacticPromiseCall = (call: TSESTree.CallExpression): boolean => {
    const callee = unwrapTypeWrappers(call.callee as TSESTree.Expression);
    if (isListedCall(callee)) return true;
    if (isFunctionNode(callee)) return returnsPromise(callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (callee.name === PROMISE_RETURNING_GLOBAL && isGlobal(callee)) return true;
      const fn = localFunction(callee);
      return fn !== undefined && returnsPromise(fn);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name === undefined) return false;
      if (PROMISE_CHAIN_METHODS.has(name)) return syntacticPromise(callee.object);
      const object = callee.object;
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && PROMISE_RETURNING_STATICS.has(name)) {
        return isGlobal(object);
      }
    }
    return false;
  };

  if (!services) {
    return {
      typed: false,
      isPromise: syntacticPromise,
      isFunctionValue: (input) => {
        const node = unwrapTypeWrappers(input);
        if (isFunctionNode(node)) return true;
        if (node.type === AST_NODE_TYPES.Identifier) return localFunction(node) !== undefined;
        if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
          const name = memberName(node);
          const init = localInit(node.object);
          const object = init && unwrapTypeWrappers(init);
          if (name === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
          return object.properties.some(
            (p) =>
              p.type === AST_NODE_TYPES.Property &&
              !p.computed &&
              p.key.type === AST_NODE_TYPES.Identifier &&
              p.key.name === name &&
              isFunctionNode(p.value),
          );
        }
        return false;
      },
      nonPromiseType: () => undefined,
    };
  }

  const checker = services.program.getTypeChecker();
  const tsNodeOf = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
  const typeOf = (node: TSESTree.Node): ts.Type => checker.getTypeAtLocation(tsNodeOf(node));
  const parts = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]);
  const isLoose = (type: ts.Type): boolean => (type.flags & LOOSE_FLAGS) !== 0;

  const isThenable = (type: ts.Type, at: ts.Node): boolean =>
    parts(checker.getApparentType(type)).some((part) => {
      const then = part.getProperty('then');
      return then !== undefined && checker.getTypeOfSymbolAtLocation(then, at).getCallSignatures().length > 0;
    });

  const typedPromise = (input: TSESTree.Expression): boolean => {
    const node = unwrapTypeWrappers(input);
    if (node.type === AST_NODE_TYPES.CallExpression && isListedCall(unwrapTypeWrappers(node.callee as TSESTree.Expression))) {
      return true;
    }
    return isThenable(typeOf(input), tsNodeOf(input));
  };

  const typedFunction = (input: TSESTree.Expression): boolean => {
    const type = typeOf(input);
    if (isLoose(type) || isThenable(type, tsNodeOf(input))) return false;
    return parts(type).every((part) => part.getCallSignatures().length > 0);
  };

  return {
    typed: true,
    isPromise: typedPromise,
    isFunctionValue: typedFunction,
    nonPromiseType: (input) => {
      const type = typeOf(input);
      if (parts(type).some((p) => isLoose(p) || (p.flags & TYPE_PARAMETER_FLAG) !== 0)) return undefined;
      if (isThenable(type, tsNodeOf(input)) || typedFunction(input)) return undefined;
      return checker.typeToString(type);
    },
  };
}

/** A variable written only by its declaration. */
function isNeverReassigned(variable: TSESLint.Scope.Variable): boolean {
  let writes = 0;
  for (const ref of variable.references) if (ref.isWrite() && ++writes > 1) return false;
  return true;
}

/** The expressions a function body returns (nested functions excluded). */
function returnedExpressions(block: TSESTree.BlockStatement): TSESTree.Expression[] {
  const out: TSESTree.Expression[] = [];
  const visit = (stmt: TSESTree.Statement | null | undefined): void => {
    if (!stmt) return;
    switch (stmt.type) {
      case AST_NODE_TYPES.ReturnStatement:
        if (stmt.argument) out.push(stmt.argument);
        return;
      case AST_NODE_TYPES.BlockStatement:
        stmt.body.forEach(visit);
        return;
      case AST_NODE_TYPES.IfStatement:
        visit(stmt.consequent);
        visit(stmt.alternate);
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(stmt.block);
        visit(stmt.handler?.body);
        visit(stmt.finalizer);
        return;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
        visit(stmt.body);
        return;
      case AST_NODE_TYPES.SwitchStatement:
        for (const c of stmt.cases) c.consequent.forEach(visit);
        return;
      default:
        return;
    }
  };
  block.body.forEach(visit);
  return out;
}
