/**
 * Which functions of a file handle requests, judged from its exports (AST level, on top of
 * lib/file-role.ts's path role). Computed once per file from the top-level statements only,
 * so a rule can bail out in `Program` and visit function bodies only inside handlers.
 *
 * Request-handling functions:
 *   - exported route handlers named GET/HEAD/POST/PUT/DELETE/PATCH/OPTIONS (function
 *     declarations, `export const GET = async () => …`, `export { handler as GET }`,
 *     one level of wrapper: `export const POST = withAuth(async (req) => …)`);
 *   - middleware/proxy: the default export or `export function middleware`/`proxy` of a
 *     middleware file, and exported `middleware` functions anywhere (`proxy` only in such a file);
 *   - Pages Router API routes: the default export of a `pages/api/**` file;
 *   - server actions: every exported function of a `'use server'` file, and any function
 *     whose body starts with `'use server'`;
 *   - fetch handlers: `export default { fetch }` (method or property), and a default-exported
 *     function whose first parameter is a request (`req`/`request`, or typed `Request`,
 *     `NextRequest`, `VercelRequest`, `NextApiRequest`, `IncomingMessage`), or any default
 *     export under an `api/` directory outside the App Router; `module.exports = fn` counts
 *     as a default export;
 *   - every other framework's shapes, from lib/frameworks/table.ts: Remix / React Router
 *     `loader`/`action`, SvelteKit `+server` / `+page.server` / `hooks.server` exports,
 *     Astro endpoints and `onRequest`, h3/Nitro `defineEventHandler(…)`, and route callbacks
 *     of Hono / Express / Fastify / Koa objects (./framework-calls.ts); each handler carries
 *     its framework and the host keeper its parameter reaches (`ctx.waitUntil`, …).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { pathRole, type PathRole } from '../../lib/file-role.js';
import { keeperExpression, mayHaveFrameworkCalls } from '../../lib/frameworks/match.js';
import { paramOf } from '../../lib/estree/param-path.js';
import {
  defaultExportKind,
  defaultExportShape,
  FETCH_HANDLER_METHOD,
  fetchHandlerShape,
  handlerFile,
  namedExportShape,
  type HandlerKind,
  type HandlerShape,
} from '../../lib/handler-policy.js';
import { REQUEST_PARAM_NAME, REQUEST_TYPE_NAMES } from '../../lib/request-params.js';
import { commonJsExportName, directivesOf, functionHasDirective, isFunctionNode, unwrapTypeWrappers, type FunctionNode } from '../../lib/estree/ast.js';
import { frameworkCalls, importBindings } from './framework-calls.js';

export type { HandlerKind, HandlerShape };

export interface RequestHandlers {
  readonly pathRole: PathRole;
  /** The file starts with `'use server'`: its exports are server actions. */
  readonly serverActionsFile: boolean;
  /** The file starts with `'use client'`: nothing in it runs on the server per request. */
  readonly clientFile: boolean;
  /** False when no function of the file can handle requests: rules bail out in `Program`. */
  readonly mayHandleRequests: boolean;
  /** What kind of handler `fn` is, or undefined when it is not one itself. */
  kindOf(fn: FunctionNode): HandlerKind | undefined;
  isRequestHandler(fn: FunctionNode): boolean;
  /** The innermost request handler around `node` (the handler itself counts for its body). */
  enclosingHandler(node: TSESTree.Node): FunctionNode | undefined;
  isInsideRequestHandler(node: TSESTree.Node): boolean;
  /** The framework-table shape of handler `fn` (framework, kind, keeper), or undefined when it is not one. */
  shapeOf(fn: FunctionNode): HandlerShape | undefined;
  /**
   * The host's own keeper reachable at `node` from its enclosing handler's parameter
   * (`ctx.waitUntil`, `c.executionCtx.waitUntil`, `event.platform?.context?.waitUntil`),
   * as source text; undefined when the handler has none or an inner binding hides it.
   */
  keeperAt(node: TSESTree.Node): string | undefined;
}

type SourceCode = Readonly<TSESLint.SourceCode>;


const cache = new WeakMap<SourceCode, RequestHandlers>();

export function getRequestHandlers(sourceCode: SourceCode, filename: string): RequestHandlers {
  let found = cache.get(sourceCode);
  if (!found) {
    found = analyse(sourceCode, filename);
    cache.set(sourceCode, found);
  }
  return found;
}

/** Top-level `function x` and `const x = …` bindings by name, exported or not. */
function topLevelValues(body: readonly TSESTree.ProgramStatement[]): Map<string, TSESTree.Node> {
  const values = new Map<string, TSESTree.Node>();
  const addDeclaration = (decl: TSESTree.Node | null | undefined): void => {
    if (!decl) return;
    if (decl.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) values.set(decl.id.name, decl);
    if (decl.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of decl.declarations) {
        if (d.id.type === AST_NODE_TYPES.Identifier && d.init) values.set(d.id.name, d.init);
      }
    }
  };
  for (const stmt of body) {
    if (stmt.type === AST_NODE_TYPES.ExportNamedDeclaration) addDeclaration(stmt.declaration);
    else addDeclaration(stmt);
  }
  return values;
}

function firstParamIsRequest(fn: FunctionNode): boolean {
  const param = fn.params[0];
  if (!param) return false;
  const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  if (REQUEST_PARAM_NAME.test(id.name)) return true;
  const annotation = id.typeAnnotation?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    REQUEST_TYPE_NAMES.has(annotation.typeName.name)
  );
}

function analyse(sourceCode: SourceCode, filename: string): RequestHandlers {
  const body = sourceCode.ast.body;
  const role = pathRole(filename);
  const directives = directivesOf(body);
  const serverActionsFile = directives.includes('use server');
  const clientFile = directives.includes('use client');
  const bindings = importBindings(body);
  const importedModules = [...new Set([...bindings.values()].map((b) => b.module))];
  const file = handlerFile(filename, role, serverActionsFile, importedModules);
  const values = topLevelValues(body);
  const kinds = new Map<FunctionNode, HandlerShape | null>();
  // Handlers given to framework calls (`app.get('/', fn)`, `defineEventHandler(fn)`) are decided per function, lazily.
  const calls = !clientFile && mayHaveFrameworkCalls(sourceCode.text, importedModules) ? frameworkCalls(sourceCode, bindings) : undefined;

  /** The functions an exported value stands for: itself, a local binding, or a wrapper's function arguments. */
  const functionsOf = (node: TSESTree.Node | null | undefined, depth = 0): FunctionNode[] => {
    if (!node || depth > 3) return [];
    if (isFunctionNode(node)) return [node];
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return functionsOf(values.get(node.name), depth + 1);
      case AST_NODE_TYPES.CallExpression:
        return node.arguments.flatMap((a) => functionsOf(a, depth + 1));
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return functionsOf(unwrapTypeWrappers(node), depth);
      default:
        return [];
    }
  };

  /** `{ fetch(req) {…} }`, `{ fetch: handler }`, `{ fetch }`, or a local bound to such an object. */
  const fetchMethodsOf = (node: TSESTree.Node | null | undefined, depth = 0): FunctionNode[] => {
    if (!node || depth > 3) return [];
    if (node.type === AST_NODE_TYPES.Identifier) return fetchMethodsOf(values.get(node.name), depth + 1);
    if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      return fetchMethodsOf(node.expression, depth);
    }
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return node.properties.flatMap((p) =>
      p.type === AST_NODE_TYPES.Property &&
      !p.computed &&
      ((p.key.type === AST_NODE_TYPES.Identifier && p.key.name === FETCH_HANDLER_METHOD) ||
        (p.key.type === AST_NODE_TYPES.Literal && p.key.value === FETCH_HANDLER_METHOD))
        ? functionsOf(p.value, depth + 1)
        : [],
    );
  };

  const mark = (fns: FunctionNode[], shape: HandlerShape): void => {
    // A framework call's shape wins: `export default defineEventHandler(fn)` is h3's (keeper `event.waitUntil`).
    for (const fn of fns) if (!kinds.get(fn)) kinds.set(fn, calls?.shapeOf(fn) ?? shape);
  };

  /** SvelteKit `actions = { default: async (event) => …, save }`: each function-valued property. */
  const objectFunctionsOf = (node: TSESTree.Node | null | undefined, depth = 0): FunctionNode[] => {
    if (!node || depth > 3) return [];
    const value = unwrapTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.Identifier) return objectFunctionsOf(values.get(value.name), depth + 1);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return value.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? functionsOf(p.value, depth + 1) : []));
  };

  const onNamedExport = (name: string, value: TSESTree.Node | null | undefined): void => {
    const shape = namedExportShape(name, file);
    if (shape) mark(shape.objectOfHandlers ? objectFunctionsOf(value) : functionsOf(value), shape);
  };

  // Client files handle no requests: the loop below never visits their exports.
  const onDefaultExport = (value: TSESTree.Node): void => {
    const fetchMethods = fetchMethodsOf(value);
    if (fetchMethods.length > 0) return mark(fetchMethods, fetchHandlerShape(file));
    const policy = defaultExportKind(file);
    if (!policy) return;
    const fns = functionsOf(value);
    mark(policy.needsRequestParam ? fns.filter((fn) => firstParamIsRequest(fn)) : fns, defaultExportShape(policy.kind, file));
  };

  // A client module runs in the browser: nothing in it handles requests.
  for (const stmt of clientFile ? [] : body) {
    if (stmt.type === AST_NODE_TYPES.ExportNamedDeclaration && !stmt.source && stmt.exportKind !== 'type') {
      const decl = stmt.declaration;
      if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) onNamedExport(decl.id.name, decl);
      else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const d of decl.declarations) if (d.id.type === AST_NODE_TYPES.Identifier) onNamedExport(d.id.name, d.init);
      }
      for (const spec of stmt.specifiers) {
        if (spec.exportKind === 'type' || spec.local.type !== AST_NODE_TYPES.Identifier) continue;
        const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
        if (exported === 'default') onDefaultExport(spec.local);
        else onNamedExport(exported, spec.local);
      }
    } else if (stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      onDefaultExport(stmt.declaration);
    } else if (stmt.type === AST_NODE_TYPES.ExpressionStatement) {
      const target = commonJsExport(stmt.expression);
      if (target === 'default') onDefaultExport((stmt.expression as TSESTree.AssignmentExpression).right);
      else if (target) onNamedExport(target, (stmt.expression as TSESTree.AssignmentExpression).right);
    }
  }

  const mayHandleRequests = kinds.size > 0 || calls !== undefined || (!clientFile && sourceCode.text.includes('use server'));

  const shapeOf = (fn: FunctionNode): HandlerShape | undefined => {
    const known = kinds.get(fn);
    if (known !== undefined) return known ?? undefined;
    let shape: HandlerShape | null = null;
    if (!clientFile && functionHasDirective(fn, 'use server')) shape = { framework: 'next', kind: 'server-action' };
    else if (calls) shape = calls.shapeOf(fn) ?? null;
    kinds.set(fn, shape);
    return shape ?? undefined;
  };
  const kindOf = (fn: FunctionNode): HandlerKind | undefined => shapeOf(fn)?.kind;

  const enclosingHandler = (node: TSESTree.Node): FunctionNode | undefined => {
    if (!mayHandleRequests) return undefined;
    for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
      if (isFunctionNode(n) && kindOf(n)) return n;
    }
    return undefined;
  };

  return {
    pathRole: role,
    serverActionsFile,
    clientFile,
    mayHandleRequests,
    kindOf,
    isRequestHandler: (fn) => kindOf(fn) !== undefined,
    enclosingHandler,
    isInsideRequestHandler: (node) => enclosingHandler(node) !== undefined,
    shapeOf,
    keeperAt: (node) => {
      const handler = enclosingHandler(node);
      const keeper = handler && shapeOf(handler)?.keeper;
      if (!handler || !keeper) return undefined;
      const text = keeperExpression(keeper, paramOf(handler.params[keeper.param]), sourceCode.text);
      if (!text) return undefined;
      // The parameter's binding must be the one seen at `node` (no inner `ctx` hides it).
      const root = /^[A-Za-z_$][\w$]*/.exec(text)?.[0] ?? '';
      const seen = ASTUtils.findVariable(sourceCode.getScope(node), root);
      return seen?.defs.some((d) => d.type === 'Parameter' && d.node === handler) ? text : undefined;
    },
  };
}

/** `module.exports = x` -> 'default'; `module.exports.GET = x` / `exports.GET = x` -> 'GET'. */
function commonJsExport(expr: TSESTree.Expression): string | undefined {
  if (expr.type !== AST_NODE_TYPES.AssignmentExpression || expr.operator !== '=') return undefined;
  return commonJsExportName(expr.left);
}
