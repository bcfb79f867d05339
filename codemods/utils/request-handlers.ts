/**
 * Which functions of a file handle requests, for the jscodeshift AST flavour. Same forms as
 * the rules' detection (rules/utils/request-handlers.ts), judged from the top-level exports:
 *   - exported route handlers GET/HEAD/POST/PUT/DELETE/PATCH/OPTIONS (function declarations,
 *     `export const GET = async () => …`, `export { handler as GET }`, one wrapper level:
 *     `export const POST = withAuth(async (req) => …)`);
 *   - middleware/proxy: the default export of a middleware file, exported `middleware`/`proxy`;
 *   - Pages Router API routes: the default export of a `pages/api/**` file;
 *   - server actions: every exported function of a `'use server'` file, and any function
 *     whose body starts with `'use server'`;
 *   - fetch handlers: `export default { fetch }`, and a default-exported function whose first
 *     parameter is a request (or any default export under an `api/` directory outside the App
 *     Router); `module.exports = fn` / `exports.GET = fn` count as exports.
 *   - every other framework's shapes, from lib/frameworks/table.ts: Remix / React Router
 *     `loader`/`action`, SvelteKit `+server` / `+page.server` / `hooks.server` exports,
 *     Astro endpoints and `onRequest`, h3/Nitro `defineEventHandler(…)`, and route callbacks
 *     of Hono / Express / Fastify / Koa objects (./framework-calls.ts); each handler carries
 *     its framework and the host keeper its parameter reaches (`ctx.waitUntil`, …).
 * Nothing in a `'use client'` file handles requests.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { pathRole, type PathRole } from '../../lib/file-role.js';
import { keeperExpression, mayHaveFrameworkCalls, type KeeperParam } from '../../lib/frameworks/match.js';
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
import { type AnyNode, hasDirective, isObjectProperty, propertyKeyName } from './ast.js';
import { isFunctionLike } from './eval-context.js';
import { findFrameworkCallHandlers, importBindings } from './framework-calls.js';

export type { HandlerKind, HandlerShape };

export interface RequestHandler {
  /** The function's path. */
  readonly path: ASTPath;
  readonly kind: HandlerKind;
  /** The framework-table shape (framework, kind, keeper). */
  readonly shape: HandlerShape;
  /**
   * The host's own keeper from the handler's parameter (`ctx.waitUntil`,
   * `c.executionCtx.waitUntil`, `event.platform?.context?.waitUntil`) as source text, when the
   * handler has one in scope.
   */
  readonly keeper?: string;
}

export interface RequestHandlers {
  readonly role: PathRole;
  readonly serverActionsFile: boolean;
  readonly clientFile: boolean;
  /** In document order, each function once. */
  readonly handlers: readonly RequestHandler[];
}

const TS_WRAPPERS: ReadonlySet<string> = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

function firstParamIsRequest(fn: AnyNode): boolean {
  const param: AnyNode = fn.params?.[0];
  if (!param) return false;
  const id: AnyNode = param.type === 'AssignmentPattern' ? param.left : param;
  if (id?.type !== 'Identifier') return false;
  if (REQUEST_PARAM_NAME.test(id.name as string)) return true;
  const annotation: AnyNode = id.typeAnnotation?.typeAnnotation;
  return annotation?.type === 'TSTypeReference' && annotation.typeName?.type === 'Identifier' && REQUEST_TYPE_NAMES.has(annotation.typeName.name as string);
}

/** `module.exports = x` -> 'default'; `module.exports.GET = x` / `exports.GET = x` -> 'GET'. */
function commonJsExport(expr: AnyNode): string | undefined {
  if (expr?.type !== 'AssignmentExpression' || expr.operator !== '=') return undefined;
  const left: AnyNode = expr.left;
  if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
  const isModuleExports = (n: AnyNode): boolean =>
    n?.type === 'MemberExpression' && !n.computed && n.object.type === 'Identifier' && n.object.name === 'module' && n.property.name === 'exports';
  if (isModuleExports(left)) return 'default';
  if (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports')) return left.property.name as string;
  return undefined;
}

export function findRequestHandlers(j: JSCodeshift, root: Collection, filename: string, fileText = ''): RequestHandlers {
  const programPath = root.find(j.Program).paths()[0] as ASTPath;
  const program: AnyNode = programPath.node;
  const role = pathRole(filename);
  const serverActionsFile = hasDirective(program, 'use server');
  const clientFile = hasDirective(program, 'use client');
  if (clientFile) return { role, serverActionsFile, clientFile, handlers: [] };
  const bindings = importBindings(root);
  const importedModules = [...new Set([...bindings.values()].map((b) => b.module))];
  const file = handlerFile(filename, role, serverActionsFile, importedModules);

  const bodyPaths: ASTPath[] = (program.body as AnyNode[]).map((_, i) => (programPath as AnyNode).get('body', i) as ASTPath);
  /** Top-level `function x` and `const x = …` bindings by name (exported or not). */
  const values = new Map<string, ASTPath>();
  const addDeclaration = (declPath: ASTPath): void => {
    const decl: AnyNode = declPath.node;
    if (decl?.type === 'FunctionDeclaration' && decl.id) values.set(decl.id.name as string, declPath);
    if (decl?.type === 'VariableDeclaration') {
      (decl.declarations as AnyNode[]).forEach((d, i) => {
        if (d.id.type === 'Identifier' && d.init) values.set(d.id.name as string, (declPath as AnyNode).get('declarations', i, 'init') as ASTPath);
      });
    }
  };
  for (const p of bodyPaths) {
    if ((p.node as AnyNode).type === 'ExportNamedDeclaration' && (p.node as AnyNode).declaration) addDeclaration((p as AnyNode).get('declaration'));
    else addDeclaration(p);
  }

  /** The functions an exported value stands for: itself, a local binding, or a wrapper's function arguments. */
  const functionsOf = (path: ASTPath | undefined, depth = 0): ASTPath[] => {
    const node: AnyNode = path?.node;
    if (!path || !node || depth > 3) return [];
    if (isFunctionLike(node)) return [path];
    if (node.type === 'Identifier') return functionsOf(values.get(node.name as string), depth + 1);
    if (node.type === 'CallExpression') {
      return (node.arguments as AnyNode[]).flatMap((_, i) => functionsOf((path as AnyNode).get('arguments', i) as ASTPath, depth + 1));
    }
    if (TS_WRAPPERS.has(node.type as string)) return functionsOf((path as AnyNode).get('expression') as ASTPath, depth);
    return [];
  };

  /** `{ fetch(req) {…} }`, `{ fetch: handler }`, `{ fetch }`, or a local bound to such an object. */
  const fetchMethodsOf = (path: ASTPath | undefined, depth = 0): ASTPath[] => {
    const node: AnyNode = path?.node;
    if (!path || !node || depth > 3) return [];
    if (node.type === 'Identifier') return fetchMethodsOf(values.get(node.name as string), depth + 1);
    if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return fetchMethodsOf((path as AnyNode).get('expression'), depth);
    if (node.type !== 'ObjectExpression') return [];
    return (node.properties as AnyNode[]).flatMap((p, i) => {
      if (p.computed && propertyKeyName(p) === undefined) return [];
      if (propertyKeyName(p) !== FETCH_HANDLER_METHOD) return [];
      const propPath = (path as AnyNode).get('properties', i) as ASTPath;
      if (p.type === 'ObjectMethod') return [propPath];
      return isObjectProperty(p) ? functionsOf((propPath as AnyNode).get('value') as ASTPath, depth + 1) : [];
    });
  };

  const kinds = new Map<AnyNode, RequestHandler>();
  const mark = (paths: ASTPath[], shape: HandlerShape): void => {
    for (const path of paths) if (!kinds.has(path.node)) kinds.set(path.node, withKeeper(path, shape, fileText));
  };

  /** SvelteKit `actions = { default: async (event) => …, save }`: each function-valued property. */
  const objectFunctionsOf = (path: ASTPath | undefined, depth = 0): ASTPath[] => {
    const node: AnyNode = path?.node;
    if (!path || !node || depth > 3) return [];
    if (node.type === 'Identifier') return objectFunctionsOf(values.get(node.name as string), depth + 1);
    if (TS_WRAPPERS.has(node.type as string)) return objectFunctionsOf((path as AnyNode).get('expression') as ASTPath, depth);
    if (node.type !== 'ObjectExpression') return [];
    return (node.properties as AnyNode[]).flatMap((p, i) => {
      const propPath = (path as AnyNode).get('properties', i) as ASTPath;
      if (p.type === 'ObjectMethod') return [propPath];
      return isObjectProperty(p) ? functionsOf((propPath as AnyNode).get('value') as ASTPath, depth + 1) : [];
    });
  };

  const onNamedExport = (name: string, value: ASTPath | undefined): void => {
    const shape = namedExportShape(name, file);
    if (shape) mark(shape.objectOfHandlers ? objectFunctionsOf(value) : functionsOf(value), shape);
  };

  const onDefaultExport = (value: ASTPath): void => {
    const fetchMethods = fetchMethodsOf(value);
    if (fetchMethods.length > 0) return mark(fetchMethods, fetchHandlerShape(file));
    const policy = defaultExportKind(file);
    if (!policy) return;
    const fns = functionsOf(value);
    mark(policy.needsRequestParam ? fns.filter((fn) => firstParamIsRequest(fn.node)) : fns, defaultExportShape(policy.kind, file));
  };

  // Framework calls first: `export default defineEventHandler(fn)` is an h3 handler (keeper `event.waitUntil`).
  if (mayHaveFrameworkCalls(fileText, importedModules)) {
    for (const { path, shape } of findFrameworkCallHandlers(j, root, bindings).values()) mark([path], shape);
  }

  for (const stmtPath of bodyPaths) {
    const stmt: AnyNode = stmtPath.node;
    if (stmt.type === 'ExportNamedDeclaration' && !stmt.source && stmt.exportKind !== 'type') {
      const decl: AnyNode = stmt.declaration;
      const declPath = (stmtPath as AnyNode).get('declaration') as ASTPath;
      if (decl?.type === 'FunctionDeclaration' && decl.id) onNamedExport(decl.id.name as string, declPath);
      else if (decl?.type === 'VariableDeclaration') {
        (decl.declarations as AnyNode[]).forEach((d, i) => {
          if (d.id.type === 'Identifier') onNamedExport(d.id.name as string, (declPath as AnyNode).get('declarations', i, 'init'));
        });
      }
      (stmt.specifiers as AnyNode[] | undefined)?.forEach((spec, i) => {
        if (spec.exportKind === 'type' || spec.local?.type !== 'Identifier') return;
        const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
        const localPath = (stmtPath as AnyNode).get('specifiers', i, 'local') as ASTPath;
        if (exported === 'default') onDefaultExport(localPath);
        else onNamedExport(exported as string, localPath);
      });
    } else if (stmt.type === 'ExportDefaultDeclaration') {
      onDefaultExport((stmtPath as AnyNode).get('declaration') as ASTPath);
    } else if (stmt.type === 'ExpressionStatement') {
      const target = commonJsExport(stmt.expression);
      const right = (stmtPath as AnyNode).get('expression', 'right') as ASTPath;
      if (target === 'default') onDefaultExport(right);
      else if (target) onNamedExport(target, right);
    }
  }

  // Inline server actions: any function whose body starts with 'use server'.
  root.find(j.Function).forEach((p) => {
    const body: AnyNode = (p.node as AnyNode).body;
    if (body?.type === 'BlockStatement' && hasDirective(body, 'use server')) mark([p as ASTPath], { framework: 'next', kind: 'server-action' });
  });


  const handlers = [...kinds.values()].sort((a, b) => startOf(a.path) - startOf(b.path));
  return { role, serverActionsFile, clientFile, handlers };
}

function withKeeper(path: ASTPath, shape: HandlerShape, fileText: string): RequestHandler {
  const keeper = shape.keeper ? keeperExpression(shape.keeper, keeperParam((path.node as AnyNode).params?.[shape.keeper.param]), fileText) : undefined;
  return keeper === undefined ? { path, kind: shape.kind, shape } : { path, kind: shape.kind, shape, keeper };
}

/** A handler parameter as lib/frameworks/match.ts's keeperExpression needs it. */
function keeperParam(param: AnyNode): KeeperParam | undefined {
  const target: AnyNode = param?.type === 'AssignmentPattern' ? param.left : param;
  if (target?.type === 'Identifier') return { name: target.name as string };
  if (target?.type !== 'ObjectPattern') return undefined;
  const properties = new Map<string, string>();
  for (const p of target.properties as AnyNode[]) {
    if (!isObjectProperty(p) || p.computed || p.key.type !== 'Identifier') continue;
    const value: AnyNode = p.value.type === 'AssignmentPattern' ? p.value.left : p.value;
    if (value.type === 'Identifier') properties.set(p.key.name as string, value.name as string);
  }
  return { properties };
}

function startOf(path: ASTPath): number {
  const node: AnyNode = path.node;
  return node.start ?? node.range?.[0] ?? 0;
}
