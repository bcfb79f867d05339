/**
 * What an expression evaluates to, as far as the code itself tells without type
 * information: a promise, a lazy thenable (a query builder that runs only when awaited or
 * `.then`-ed), a value known not to be a promise, or unknown (undefined). One analysis on
 * ESTree with scope analysis, run by the rules on the file being linted and by the project
 * index on the modules it imports (lib/project-index), so the facts are written once.
 *
 * Known promises: `fetch(…)`, `new Promise(…)`, `Promise.all/…(…)` (the globals only), calls of
 * async functions and of functions returning one of these (same module, or through the project
 * index across modules), methods of the project's classes (./class-methods.ts: `store.save()`
 * on a `new Store()`, statics, `this.x()`, imported classes and instances through the index),
 * calls on the host's bindings where the caller says they are (`c.env.LINKS.put(…)`) or where a
 * helper takes them as a parameter named `env` or typed `Env` / `Bindings` (./param-path.ts),
 * the functions API's own (`getVercelOidcToken()`), calls into the
 * catalog's libraries (lib/library-facts.ts: `db.from('t').insert(…)` on a Supabase client made
 * anywhere in the project), `.then/.catch/.finally` on any of those, callee paths the user
 * lists (`promiseFunctions`), and `const` locals holding any of those.
 *
 * `mode`: 'likely' (the rules: a function returning a promise on some path returns one;
 * `c ? p : x` is one) or 'certain' (the index's facts, which codemods act on without review:
 * every path must give one).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleExports, OIDC_FACTS, type CallResult } from '../catalog.js';
import { clientCall, libraryClient, libraryFunctionResult, PLATFORM_BINDING_METHODS, platformBindingsCall, type ClientMake } from '../library-facts.js';
import type { ClientRef, ExportFacts, ProjectIndex } from '../project-index/types.js';
import { PROMISE_CHAIN_METHODS, PROMISE_RETURNING_GLOBAL, PROMISE_RETURNING_STATICS } from '../promise-facts.js';
import { dottedPath, functionOfInit, isFunctionNode, memberName, unwrapTypeWrappers, type FunctionNode } from './ast.js';
import { moduleBindingOf, type ModuleBinding } from './bindings.js';
import { createClassMethods } from './class-methods.js';
import { isConventionalBindingsParam } from './param-path.js';
import { alwaysCompletesAbruptly, returnedExpressions } from './returns.js';
import { isGlobalReference, isNeverReassigned, variableOf, type ScopeSource } from './scope.js';

export interface PromiseSyntaxOptions {
  readonly source: ScopeSource;
  /** The module's absolute path (imports are resolved from it). */
  readonly filename: string;
  readonly index?: ProjectIndex;
  /** Callee paths that return promises (`promiseFunctions`): `'track'`, `'db.insert'`. */
  readonly listed?: ReadonlySet<string>;
  readonly runtimeModules?: readonly string[];
  readonly mode: 'likely' | 'certain';
  /**
   * Whether an expression is the host's bindings object where it appears (`c.env` inside a Hono
   * route callback): the caller knows the request handlers, this analysis does not.
   */
  readonly platformBindings?: (node: TSESTree.Node) => boolean;
}

export interface PromiseSyntax {
  /** 'promise', 'lazy', 'value' (known not a promise), or undefined (unknown). */
  kindOf(node: TSESTree.Node): CallResult | undefined;
  returnsOf(fn: FunctionNode): CallResult | undefined;
  /** The function a local binding holds: `function f(){}` or `const f = () => …` (never reassigned). */
  localFunction(id: TSESTree.Identifier): FunctionNode | undefined;
  /** The initialiser of a `const x = …` (or never reassigned `let`) binding. */
  localInit(id: TSESTree.Identifier): TSESTree.Expression | undefined;
  /** The import or require binding an identifier refers to. */
  bindingOf(id: TSESTree.Identifier): ModuleBinding | undefined;
  /** The module export a callee names (`save` of `import { save }`, `ns.save`), if it is imported. */
  importedCallee(callee: TSESTree.Node): { module: string; name: string } | undefined;
  /** The project index's facts about the export a callee names (undefined: not a project import, or unknown). */
  calleeFacts(callee: TSESTree.Node): ExportFacts | undefined;
  /** The library client an expression holds, if the catalog knows how it was made. */
  clientOf(node: TSESTree.Node): ClientRef | undefined;
  /** What methods on a value give: a class (its statics and its instances' methods), or an instance (`new AuditLog()`). */
  methodFacts(node: TSESTree.Node): Pick<ExportFacts, 'methods' | 'instanceMethods'> | undefined;
}

const VALUE_NODES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.JSXElement,
  AST_NODE_TYPES.JSXFragment,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
  // `await x` never gives a thenable: await unwraps it.
  AST_NODE_TYPES.AwaitExpression,
]);

/** What calling an API export gives: only the async OIDC getter returns a promise. */
export function apiCallResult(name: string): CallResult {
  return name === OIDC_FACTS.asyncGetter ? 'promise' : 'value';
}

/** Promise beats lazy beats value; unknown when some part is unknown and none is a promise. */
function anyOf(kinds: readonly (CallResult | undefined)[]): CallResult | undefined {
  if (kinds.includes('promise')) return 'promise';
  if (kinds.includes('lazy')) return 'lazy';
  return kinds.every((k) => k === 'value') ? 'value' : undefined;
}

/** Every part must be a promise (or lazy) for the whole to be one; value when every part is. */
function everyOf(kinds: readonly (CallResult | undefined)[]): CallResult | undefined {
  if (kinds.every((k) => k === 'promise' || k === 'lazy')) return kinds.includes('lazy') ? 'lazy' : 'promise';
  return kinds.every((k) => k === 'value') ? 'value' : undefined;
}

export function createPromiseSyntax(options: PromiseSyntaxOptions): PromiseSyntax {
  const { source, filename, index, listed, mode, platformBindings } = options;
  const runtimeModules = options.runtimeModules ?? [];
  const combine = mode === 'likely' ? anyOf : everyOf;
  const returnsCache = new WeakMap<FunctionNode, CallResult | null>();
  const bindingCache = new WeakMap<TSESLint.Scope.Variable, ModuleBinding | null>();
  const inProgress = new Set<TSESTree.Node>();

  const guarded = <T>(node: TSESTree.Node, compute: () => T | undefined): T | undefined => {
    if (inProgress.has(node)) return undefined;
    inProgress.add(node);
    try {
      return compute();
    } finally {
      inProgress.delete(node);
    }
  };

  const variableBinding = (variable: TSESLint.Scope.Variable): ModuleBinding | undefined => {
    let found = bindingCache.get(variable);
    if (found === undefined) {
      found = moduleBindingOf(variable) ?? null;
      bindingCache.set(variable, found);
    }
    return found ?? undefined;
  };

  const bindingOf = (id: TSESTree.Identifier): ModuleBinding | undefined => {
    const variable = variableOf(source, id);
    return variable ? variableBinding(variable) : undefined;
  };

  const localFunction = (id: TSESTree.Identifier): FunctionNode | undefined => {
    const variable = variableOf(source, id);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return undefined;
    if (def.type === 'FunctionName') return def.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : undefined;
    if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && isNeverReassigned(variable)) {
      return functionOfInit(def.node.init);
    }
    return undefined;
  };

  const localInit = (id: TSESTree.Identifier): TSESTree.Expression | undefined => {
    const variable = variableOf(source, id);
    const def = variable?.defs[0];
    if (!variable || def?.type !== 'Variable' || variable.defs.length !== 1) return undefined;
    if (def.node.id.type !== AST_NODE_TYPES.Identifier || !isNeverReassigned(variable)) return undefined;
    return def.node.init ?? undefined;
  };

  /** `a` of `import { a }` -> { module, 'a' }; `ns.a` of `import * as ns` -> { module, 'a' }; a default import -> 'default'. */
  const importedCallee = (input: TSESTree.Node): { module: string; name: string } | undefined => {
    const node = unwrapTypeWrappers(input);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const binding = bindingOf(node);
      if (!binding) return undefined;
      if (binding.imported !== '*') return { module: binding.module, name: binding.imported };
      return binding.defaultImport ? { module: binding.module, name: 'default' } : undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
      const name = memberName(node);
      const binding = name === undefined ? undefined : bindingOf(node.object);
      if (!binding || binding.imported !== '*' || name === undefined) return undefined;
      return { module: binding.module, name };
    }
    return undefined;
  };

  const factsOf = (module: string, name: string): ExportFacts | undefined =>
    index?.enabled ? index.exportFacts(filename, module, name) : undefined;

  const calleeFacts = (callee: TSESTree.Node): ExportFacts | undefined => {
    const ref = importedCallee(callee);
    return ref && factsOf(ref.module, ref.name);
  };

  /** What calling `module`'s export `name` gives. */
  const importedCallKind = (module: string, name: string, call: TSESTree.CallExpression | undefined, depth = 0): CallResult | undefined => {
    if (moduleExports(module, name, runtimeModules)) return apiCallResult(name);
    const libraryResult = libraryFunctionResult(module, name);
    if (libraryResult) return libraryResult;
    const instance = libraryClient(module, name, 'instance');
    if (instance) return clientCall(instance, [], lastArgIsFunction(call));
    const facts = factsOf(module, name);
    if (!facts) return undefined;
    if (facts.api && !facts.api.wrapper) return apiCallResult(facts.api.name);
    if (facts.libraryExport && depth < 2) return importedCallKind(facts.libraryExport.module, facts.libraryExport.name, call, depth + 1);
    if (facts.client) return clientCall(facts.client, [], lastArgIsFunction(call));
    return facts.result;
  };

  const clientOfImport = (module: string, name: string, make: ClientMake): ClientRef | undefined => {
    const direct = libraryClient(module, name, make);
    if (direct) return direct;
    const facts = factsOf(module, name);
    if (!facts) return undefined;
    if (make === 'instance') {
      if (facts.client) return facts.client;
      if (facts.libraryExport) return libraryClient(facts.libraryExport.module, facts.libraryExport.name, 'instance');
      return undefined;
    }
    if (make === 'call' && facts.returnsClient) return facts.returnsClient;
    if (facts.libraryExport) return libraryClient(facts.libraryExport.module, facts.libraryExport.name, make);
    return undefined;
  };

  /** The client `new X(…)`, `x(…)`, `X.from(…)`, `await makeClient()` makes. */
  const makerClient = (input: TSESTree.Node): ClientRef | undefined => {
    let node = unwrapTypeWrappers(input);
    if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrapTypeWrappers(node.argument);
    if (node.type === AST_NODE_TYPES.Identifier) return clientOf(node);
    // `globalForPrisma.prisma ?? new PrismaClient()`: the cached client is the one made on the right.
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '&&') return makerClient(node.right) ?? makerClient(node.left);
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapTypeWrappers(node.callee);
    const isNew = node.type === AST_NODE_TYPES.NewExpression;
    const ref = importedCallee(callee);
    if (ref) return clientOfImport(ref.module, ref.name, isNew ? 'new' : 'call');
    if (callee.type === AST_NODE_TYPES.MemberExpression && !isNew) {
      // `Redis.fromEnv()`, `DynamoDBDocumentClient.from(client)`.
      const staticName = memberName(callee);
      const owner = importedCallee(callee.object);
      if (owner && staticName) return libraryClient(owner.module, owner.name, `static ${staticName}`);
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && !isNew) {
      const fn = localFunction(callee);
      return fn && guarded(fn, () => returnsClientOf(fn));
    }
    return undefined;
  };

  /** The client a function returns (`return createServerClient(…)`), if every return that makes one agrees. */
  const returnsClientOf = (fn: FunctionNode): ClientRef | undefined => {
    const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? returnedExpressions(fn.body) : [fn.body];
    for (const expr of returned) {
      const client = expr && makerClient(expr);
      if (client) return client;
    }
    return undefined;
  };

  const clientOf = (input: TSESTree.Node): ClientRef | undefined => {
    const node = unwrapTypeWrappers(input);
    if (node.type !== AST_NODE_TYPES.Identifier) return makerClient(node);
    const binding = bindingOf(node);
    if (binding) {
      if (binding.imported !== '*') return clientOfImport(binding.module, binding.imported, 'instance');
      // `import kv from '@vercel/kv'`: the default export is the ready-made client.
      return binding.defaultImport ? clientOfImport(binding.module, 'default', 'instance') : undefined;
    }
    const init = localInit(node);
    return init && guarded(node, () => makerClient(init));
  };

  /** A call into a library client: `db.from('t').insert(r)` -> root `db`, steps ['from', 'insert']. */
  /** The host's bindings: where the caller says they are (a handler's `c.env`), or a helper's conventional parameter. */
  const isBindings = (node: TSESTree.Node): boolean => platformBindings?.(node) === true || isConventionalBindingsParam(node, source);

  const libraryCallKind = (call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): CallResult | undefined => {
    const steps: string[] = [];
    let node = unwrapTypeWrappers(call.type === AST_NODE_TYPES.CallExpression ? call.callee : call.tag);
    const lastFn = call.type === AST_NODE_TYPES.CallExpression && lastArgIsFunction(call);
    for (;;) {
      // `c.env.LINKS.put(k, v)`: a call on one of the host's bindings (asked only for a method the catalog names).
      if (steps.length > 1 && PLATFORM_BINDING_METHODS.has(steps[steps.length - 1]!) && isBindings(node)) return platformBindingsCall(steps, lastFn);
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(node);
        if (name === undefined) return undefined;
        steps.unshift(name);
        node = unwrapTypeWrappers(node.object);
      } else if (node.type === AST_NODE_TYPES.CallExpression && unwrapTypeWrappers(node.callee).type === AST_NODE_TYPES.MemberExpression) {
        node = unwrapTypeWrappers(node.callee);
      } else break;
    }
    const client = clientOf(node);
    if (client) return clientCall(client, steps, lastFn);
    // `import * as lib from '@/lib/db'; lib.db.from(…)`: the first step names the client export.
    const binding = node.type === AST_NODE_TYPES.Identifier ? bindingOf(node) : undefined;
    const [exported, ...rest] = steps;
    if (binding?.imported !== '*' || binding.defaultImport || exported === undefined) return undefined;
    const member = clientOfImport(binding.module, exported, 'instance');
    return member && clientCall(member, rest, lastFn);
  };

  const classes = createClassMethods({
    source,
    returnsOf: (fn) => returnsOf(fn),
    localInit: (id) => localInit(id),
    importedFacts: (callee) => {
      const ref = importedCallee(callee);
      return ref && factsOf(ref.module, ref.name);
    },
    guarded,
  });
  const { methodCallKind, methodFacts } = classes;

  const isListedCall = (callee: TSESTree.Node): boolean => {
    if (!listed || listed.size === 0) return false;
    const path = dottedPath(callee);
    return path !== undefined && listed.has(path);
  };

  const callKind = (call: TSESTree.CallExpression): CallResult | undefined => {
    const callee = unwrapTypeWrappers(call.callee);
    if (isListedCall(callee)) return 'promise';
    if (isFunctionNode(callee)) return returnsOf(callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (callee.name === PROMISE_RETURNING_GLOBAL && isGlobalReference(source, callee)) return 'promise';
      const fn = localFunction(callee);
      if (fn) return returnsOf(fn);
      const ref = importedCallee(callee);
      if (ref) return importedCallKind(ref.module, ref.name, call);
      // A local client that is itself callable: `const sql = neon(url); sql('select 1')`.
      return libraryCallKind(call);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name === undefined) return undefined;
      if (PROMISE_CHAIN_METHODS.has(name)) {
        // `.then` on a lazy thenable sends it: the chain is an eager promise.
        const base = kindOf(callee.object);
        return base === 'promise' || base === 'lazy' ? 'promise' : undefined;
      }
      const object = unwrapTypeWrappers(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && PROMISE_RETURNING_STATICS.has(name)) {
        return isGlobalReference(source, object) ? 'promise' : undefined;
      }
      // `ns.save()` of a namespace import; else a client call (`kv.set()` of a default-imported client too).
      const ref = importedCallee(callee);
      const imported = ref && importedCallKind(ref.module, ref.name, call);
      return imported ?? libraryCallKind(call) ?? methodCallKind(callee.object, name);
    }
    return undefined;
  };

  const kindOf = (input: TSESTree.Node): CallResult | undefined => {
    const node = unwrapTypeWrappers(input);
    if (VALUE_NODES.has(node.type)) return 'value';
    switch (node.type) {
      case AST_NODE_TYPES.NewExpression: {
        const callee = unwrapTypeWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise') {
          return isGlobalReference(source, callee) ? 'promise' : undefined;
        }
        // A constructed object is not a thenable (library clients included).
        return 'value';
      }
      case AST_NODE_TYPES.CallExpression:
        return callKind(node);
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return libraryCallKind(node);
      case AST_NODE_TYPES.ImportExpression:
        return 'promise';
      case AST_NODE_TYPES.Identifier: {
        if (node.name === 'undefined' && isGlobalReference(source, node)) return 'value';
        if (localFunction(node)) return 'value';
        const init = localInit(node);
        return init && guarded(node, () => kindOf(init));
      }
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? kindOf(node.right) : 'value';
      case AST_NODE_TYPES.ConditionalExpression:
        return combine([kindOf(node.consequent), kindOf(node.alternate)]);
      case AST_NODE_TYPES.LogicalExpression: {
        // A promise is truthy and not nullish: `p || x` and `p ?? x` are `p`; `x && p` may be `x`.
        const left = kindOf(node.left);
        const right = kindOf(node.right);
        if (mode === 'certain') return node.operator === '&&' ? everyOf([left, right]) : left === 'value' ? right : left;
        if (node.operator === '&&') return right === 'promise' || right === 'lazy' ? right : anyOf([left, right]);
        return anyOf([left, right]);
      }
      case AST_NODE_TYPES.SequenceExpression: {
        const last = node.expressions[node.expressions.length - 1];
        return last && kindOf(last);
      }
      default:
        return undefined;
    }
  };

  const returnsOf = (fn: FunctionNode): CallResult | undefined => {
    if (fn.generator) return 'value';
    if (fn.async) return 'promise';
    const cached = returnsCache.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    const result = guarded(fn, () => {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return kindOf(fn.body);
      const returned = returnedExpressions(fn.body);
      const kinds = returned.map((r) => (r ? kindOf(r) : 'value'));
      // Falling off the end returns undefined.
      if (!alwaysCompletesAbruptly(fn.body)) kinds.push('value');
      return combine(kinds);
    });
    if (!inProgress.has(fn)) returnsCache.set(fn, result ?? null);
    return result;
  };

  return { kindOf, returnsOf, localFunction, localInit, bindingOf, importedCallee, calleeFacts, clientOf, methodFacts };
}

function lastArgIsFunction(call: TSESTree.CallExpression | undefined): boolean {
  const last = call?.arguments[call.arguments.length - 1];
  return last !== undefined && isFunctionNode(last);
}
