/**
 * "Is this expression a promise?" for the rules, in one place.
 *
 * Without type information, the syntactic analysis of lib/estree/promise-syntax.ts answers
 * (the same one the project index runs on imported modules): `fetch`, `Promise`, functions of
 * this module and, through the project index (lib/project-index), of the project's other
 * modules; the catalog's libraries (`db.from('t').insert()` on a Supabase client made anywhere
 * in the project); calls on the host's bindings inside a handler (`c.env.LINKS.put(k, v)`); and
 * callee paths listed in the rule's `promiseFunctions` option.
 *
 * With type information (parserServices.program present) the type checker answers: a value
 * is a promise when some constituent of its type has a callable `then` (thenables count).
 * Where the checker knows nothing (`any` / `unknown`: an untyped import, a missing package)
 * the syntactic analysis answers instead, so the typed path keeps the cross-file facts.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { CallResult } from '../../lib/catalog.js';
import { dottedPath, isFunctionNode, memberName, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { isParamPath } from '../../lib/estree/param-path.js';
import { createPromiseSyntax, type PromiseSyntax } from '../../lib/estree/promise-syntax.js';
import { projectIndexOf } from './project-index.js';
import { getRequestHandlers } from './request-handlers.js';
import { readFnSettings } from './settings.js';
import { typeServices } from './type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

export interface PromiseDetector {
  /** Whether type information is used. */
  readonly typed: boolean;
  /** The syntactic analysis of this file (also used by the typed path where types say nothing). */
  readonly syntax: PromiseSyntax;
  /** 'promise', 'lazy' (a thenable that runs only when awaited), 'value', or undefined (unknown). */
  kindOf(node: TSESTree.Expression): CallResult | undefined;
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
    detector = createDetector(context, new Set(promiseFunctions));
    byOptions.set(key, detector);
  }
  return detector;
}

const isPromiseKind = (kind: CallResult | undefined): boolean => kind === 'promise' || kind === 'lazy';

function createDetector(context: Context, listed: ReadonlySet<string>): PromiseDetector {
  const sourceCode = context.sourceCode;
  const syntax = createPromiseSyntax({
    source: sourceCode,
    filename: context.filename,
    index: projectIndexOf(context),
    listed,
    runtimeModules: readFnSettings(context).runtimeModules,
    mode: 'likely',
    platformBindings: platformBindingsIn(sourceCode, context.filename),
  });
  const services = typeServices(sourceCode);

  if (!services) {
    return {
      typed: false,
      syntax,
      kindOf: syntax.kindOf,
      isPromise: (node) => isPromiseKind(syntax.kindOf(node)),
      isFunctionValue: (input) => syntacticFunctionValue(syntax, input),
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

  const isListedCall = (input: TSESTree.Expression): boolean => {
    const node = unwrapTypeWrappers(input);
    if (node.type !== AST_NODE_TYPES.CallExpression || listed.size === 0) return false;
    const path = dottedPath(unwrapTypeWrappers(node.callee));
    return path !== undefined && listed.has(path);
  };

  const typedKind = (input: TSESTree.Expression): CallResult | undefined => {
    if (isListedCall(input)) return 'promise';
    const type = typeOf(input);
    if (isLoose(type)) return syntax.kindOf(input);
    if (!isThenable(type, tsNodeOf(input))) return 'value';
    return syntax.kindOf(input) === 'lazy' ? 'lazy' : 'promise';
  };

  const typedFunction = (input: TSESTree.Expression): boolean => {
    const type = typeOf(input);
    if (isLoose(type) || isThenable(type, tsNodeOf(input))) return false;
    return parts(type).every((part) => part.getCallSignatures().length > 0);
  };

  return {
    typed: true,
    syntax,
    kindOf: typedKind,
    isPromise: (node) => isPromiseKind(typedKind(node)),
    isFunctionValue: typedFunction,
    nonPromiseType: (input) => {
      const type = typeOf(input);
      if (parts(type).some((p) => isLoose(p) || (p.flags & TYPE_PARAMETER_FLAG) !== 0)) return undefined;
      if (isThenable(type, tsNodeOf(input)) || typedFunction(input)) return undefined;
      return checker.typeToString(type);
    },
  };
}

/** Whether a node is the host's bindings object as its enclosing handler's framework hands it over (`c.env`). */
function platformBindingsIn(sourceCode: SourceCode, filename: string): (node: TSESTree.Node) => boolean {
  const handlers = getRequestHandlers(sourceCode, filename);
  return (node) => {
    const handler = handlers.enclosingHandler(node);
    const path = handler && handlers.shapeOf(handler)?.bindings;
    return handler !== undefined && path !== undefined && isParamPath(node, handler, path, sourceCode);
  };
}

/** Without types: a function node, a local function, or a function-valued property of a local object literal. */
function syntacticFunctionValue(syntax: PromiseSyntax, input: TSESTree.Expression): boolean {
  const node = unwrapTypeWrappers(input);
  if (isFunctionNode(node)) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return syntax.localFunction(node) !== undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
    const name = memberName(node);
    const init = syntax.localInit(node.object);
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
}
