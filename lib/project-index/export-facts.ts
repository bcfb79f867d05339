/**
 * The facts of one export of a parsed module (types.ts ExportFacts), from the same
 * syntactic analysis the rules run (lib/estree/promise-syntax.ts, dropped.ts).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isNextServerModule, moduleExports, NEXT_FACTS } from '../catalog.js';
import { isFunctionNode, unwrapTypeWrappers, type FunctionNode } from '../estree/ast.js';
import { chainRootOf, droppedPromises } from '../estree/dropped.js';
import { apiCallResult, createPromiseSyntax, type PromiseSyntax } from '../estree/promise-syntax.js';
import { returnedExpressions } from '../estree/returns.js';
import { isValueUsedElsewhere, variableOf } from '../estree/scope.js';
import { walk } from '../estree/walk.js';
import { libraryClient, libraryFunctionResult, libraryOfModule } from '../library-facts.js';
import type { ExportTarget } from './export-table.js';
import type { ParsedModule } from './parsed-module.js';
import { isHandlerExport } from './handler-exports.js';
import type { ApiAlias, ExportFacts, ProjectIndex, SourceSpot } from './types.js';

type DropSpot = SourceSpot & { readonly reportedThere: boolean };

export interface FactsContext {
  readonly index: ProjectIndex;
  readonly runtimeModules: readonly string[];
  /** Facts of another module's export, through the index (depth-bounded, cycle-safe). */
  importedFacts(fromFile: string, module: string, name: string): ExportFacts | undefined;
}

/** Next.js's own keeper: a function handing its argument to it is a hand-off wrapper too. */
const NEXT_KEEPERS = new Set<string>([NEXT_FACTS.afterExport, NEXT_FACTS.unstableAfterExport]);
const WAIT_UNTIL = 'waitUntil';

const syntaxes = new WeakMap<ParsedModule, Map<string, PromiseSyntax>>();

function syntaxOf(mod: ParsedModule, ctx: FactsContext, mode: 'likely' | 'certain'): PromiseSyntax {
  let byMode = syntaxes.get(mod);
  if (!byMode) {
    byMode = new Map();
    syntaxes.set(mod, byMode);
  }
  let syntax = byMode.get(mode);
  if (!syntax) {
    syntax = createPromiseSyntax({ source: mod, filename: mod.path, index: ctx.index, runtimeModules: ctx.runtimeModules, mode });
    byMode.set(mode, syntax);
  }
  return syntax;
}

/** Facts of an export passed on from another module. */
export function factsOfImport(mod: ParsedModule, target: Extract<ExportTarget, { kind: 'import' }>, ctx: FactsContext): ExportFacts | undefined {
  const { module, name } = target;
  if (moduleExports(module, name, ctx.runtimeModules)) return { api: { module, name, wrapper: false }, result: apiCallResult(name) };
  if (libraryOfModule(module)) {
    const result = libraryFunctionResult(module, name);
    const client = libraryClient(module, name, 'instance');
    return { libraryExport: { module, name }, ...(result ? { result } : {}), ...(client ? { client } : {}) };
  }
  return ctx.importedFacts(mod.path, module, name);
}

/** Facts of a value the module itself defines. */
export function factsOfLocal(mod: ParsedModule, name: string, value: TSESTree.Node, ctx: FactsContext): ExportFacts | undefined {
  const node = unwrapTypeWrappers(value);
  const certain = syntaxOf(mod, ctx, 'certain');
  if (isFunctionNode(node)) {
    const result = certain.returnsOf(node);
    const api = wrapperOf(mod, node, ctx);
    const dropped = dropsWorkOf(mod, node, ctx, new Set());
    const dropsWork = dropped && { ...dropped, reportedThere: dropped.reportedThere || isHandlerExport(mod, name) };
    const returnsClient = returnsClientOf(node, certain);
    const facts: ExportFacts = {
      ...(result ? { result } : {}),
      ...(api ? { api } : {}),
      ...(dropsWork ? { dropsWork } : {}),
      ...(returnsClient ? { returnsClient } : {}),
    };
    return Object.keys(facts).length > 0 ? facts : undefined;
  }
  // A class (its statics, its instances' methods) or an instance of one: `export const audit = new AuditLog()`.
  const methods = certain.methodFacts(node);
  if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return methods;
  const alias = apiOfExpression(node as TSESTree.Expression, certain, ctx);
  if (alias) return { api: alias, result: apiCallResult(alias.name) };
  const client = certain.clientOf(node);
  if (client) return { client };
  return methods;
}

/** `export const bg = waitUntil` / `= fns.waitUntil`: the API itself under another name. */
function apiOfExpression(node: TSESTree.Expression, syntax: PromiseSyntax, ctx: FactsContext): ApiAlias | undefined {
  const ref = syntax.importedCallee(node);
  if (!ref) return undefined;
  if (moduleExports(ref.module, ref.name, ctx.runtimeModules)) return { module: ref.module, name: ref.name, wrapper: false };
  const facts = syntax.calleeFacts(node);
  return facts?.api;
}

/** The keeper a callee names: the API's `waitUntil`, Next.js's `after`, or a project wrapper of either. */
function keeperOf(callee: TSESTree.Node, syntax: PromiseSyntax, ctx: FactsContext): ApiAlias | undefined {
  const ref = syntax.importedCallee(callee);
  if (!ref) return undefined;
  if (ref.name === WAIT_UNTIL && moduleExports(ref.module, WAIT_UNTIL, ctx.runtimeModules)) return { module: ref.module, name: WAIT_UNTIL, wrapper: false };
  if (isNextServerModule(ref.module) && NEXT_KEEPERS.has(ref.name)) return { module: ref.module, name: ref.name, wrapper: false };
  const facts = syntax.calleeFacts(callee);
  if (facts?.api && (facts.api.name === WAIT_UNTIL || NEXT_KEEPERS.has(facts.api.name))) return facts.api;
  return undefined;
}

/**
 * A hand-off wrapper (`(p) => waitUntil(p)`: which parameter reaches the keeper), or a
 * function that returns an API call (`() => getVercelOidcToken()`).
 */
function wrapperOf(mod: ParsedModule, fn: FunctionNode, ctx: FactsContext): ApiAlias | undefined {
  const syntax = syntaxOf(mod, ctx, 'certain');
  let found: ApiAlias | undefined;
  walk(
    fn.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const keeper = keeperOf(node.callee, syntax, ctx);
      if (!keeper) return false;
      const argIndex = keeper.wrapper ? (keeper.param ?? 0) : 0;
      const arg = node.arguments[argIndex];
      const root = arg && chainRootOf(unwrapTypeWrappers(arg));
      if (root?.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = variableOf(mod, root);
      const def = variable?.defs[0];
      if (def?.type !== 'Parameter' || def.node !== fn) return false;
      const param = fn.params.findIndex((p) => (p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p) === def.name);
      if (param < 0) return false;
      found = { module: keeper.module, name: keeper.name, wrapper: true, param };
      return true;
    },
    { enterFunctions: false },
  );
  if (found) return found;
  const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? returnedExpressions(fn.body) : [fn.body];
  for (const expr of returned) {
    const value = expr && unwrapTypeWrappers(expr);
    if (value?.type !== AST_NODE_TYPES.CallExpression) continue;
    const ref = syntax.importedCallee(value.callee);
    if (ref && moduleExports(ref.module, ref.name, ctx.runtimeModules)) return { module: ref.module, name: ref.name, wrapper: true };
  }
  return undefined;
}

function returnsClientOf(fn: FunctionNode, syntax: PromiseSyntax) {
  const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? returnedExpressions(fn.body) : [fn.body];
  for (const expr of returned) {
    const client = expr && syntax.clientOf(expr);
    if (client) return client;
  }
  return undefined;
}

/**
 * Where calling `fn` drops work it starts: a dropped promise among its own statements (not
 * in nested functions, which may never run), or in a function of the project it calls.
 */
function dropsWorkOf(mod: ParsedModule, fn: FunctionNode, ctx: FactsContext, visiting: Set<FunctionNode>): DropSpot | undefined {
  if (visiting.has(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  visiting.add(fn);
  const likely = syntaxOf(mod, ctx, 'likely');
  let spot: DropSpot | undefined;
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ExpressionStatement && node.directive === undefined) {
        const [dropped] = droppedPromises(node.expression, likely.kindOf, (id) => isValueUsedElsewhere(mod, id));
        if (dropped) {
          spot = { file: mod.path, line: dropped.target.loc.start.line, reportedThere: false };
          return true;
        }
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrapTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const local = likely.localFunction(callee);
        if (local) {
          spot = dropsWorkOf(mod, local, ctx, visiting);
          return spot !== undefined;
        }
      }
      spot = likely.calleeFacts(callee)?.dropsWork;
      return spot !== undefined;
    },
    { enterFunctions: false },
  );
  return spot;
}
