/**
 * Questions both AST flavours ask the framework table (./table.ts), in AST-free terms:
 * which export shapes apply to a file, whether a callee is a handler factory or a router
 * creator, and how a handler reaches its host's keeper.
 */
import { resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { CALL_SHAPES, EXPORT_SHAPES, REQUEST_KEEPER_MODULES, ROUTER_SHAPES } from './table.js';
import type { CallShape, ExportShape, HandlerShape, Keeper, ParamPath, RouterShape } from './types.js';

type Matcher = (path: string) => boolean;

const compiled = new Map<ExportShape, { files: Matcher; exclude: Matcher | undefined }>();
for (const shape of EXPORT_SHAPES) {
  compiled.set(shape, {
    files: picomatch(shape.files as string[], { dot: true }),
    exclude: shape.excludeFiles ? picomatch(shape.excludeFiles as string[], { dot: true }) : undefined,
  });
}

function posixPath(filename: string): string {
  const abs = resolve(filename);
  return sep === '/' ? abs : abs.split(sep).join('/');
}

function moduleMatches(module: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('/') ? module.startsWith(p) : module === p));
}

/** The export shapes of a file: its path matches (and no exclusion does), or it imports a listed module. */
export function exportShapesFor(filename: string, importedModules: readonly string[] = []): readonly ExportShape[] {
  const path = posixPath(filename);
  return EXPORT_SHAPES.filter((shape) => {
    const m = compiled.get(shape);
    if (!m || m.exclude?.(path)) return false;
    return m.files(path) || (shape.importedFrom !== undefined && importedModules.some((mod) => moduleMatches(mod, shape.importedFrom ?? [])));
  });
}

/** Whether the file imports a server whose request carries its own `waitUntil` (srvx, h3 2). */
export function importsRequestKeeper(importedModules: readonly string[]): boolean {
  return importedModules.some((mod) => moduleMatches(mod, REQUEST_KEEPER_MODULES));
}

/**
 * The handler factory `exportName` of `module` (`defineEventHandler` from 'h3'), or, with
 * `module` undefined, an unbound (auto-imported) name.
 */
export function callShapeOf(module: string | undefined, exportName: string): CallShape | undefined {
  return CALL_SHAPES.find((shape) =>
    module === undefined ? shape.autoImported?.includes(exportName) : shape.modules.includes(module) && shape.callees.includes(exportName),
  );
}

/**
 * The router a creation makes: `new Hono()` (export 'Hono'), `express()` (export 'default';
 * a namespace import or `require` counts as the default), `express.Router()` (member 'Router').
 */
export function routerOfCreator(module: string, exportName: string, member: string | undefined, isNew: boolean): RouterShape | undefined {
  const name = exportName === '*' ? 'default' : exportName;
  return ROUTER_SHAPES.find(
    (shape) =>
      shape.modules.includes(module) &&
      shape.creators.some(
        (c) => c.export === name && c.member === member && (c.call === 'either' || (c.call === 'new') === isNew),
      ),
  );
}

/** The routers whose packages the file imports (for conventionally named or typed receivers). */
export function routersImported(importedModules: readonly string[]): readonly RouterShape[] {
  return ROUTER_SHAPES.filter((shape) => importedModules.some((m) => shape.modules.includes(m)));
}

/** The router a type imported from `module` belongs to (`FastifyInstance` from 'fastify'). */
export function routerOfTypeImport(module: string): RouterShape | undefined {
  return ROUTER_SHAPES.find((shape) => shape.modules.includes(module));
}

/** Cheap check: could this file hold a handler factory call (by name) or a router (its package imported)? */
export function mayHaveFrameworkCalls(text: string, importedModules: readonly string[]): boolean {
  return (
    routersImported(importedModules).length > 0 || CALL_SHAPES.some((shape) => shape.callees.some((c) => text.includes(c)))
  );
}

const ROUTER_IMPORT_NEEDLES: readonly string[] = ROUTER_SHAPES.flatMap((shape) => shape.modules.flatMap((m) => [`'${m}'`, `"${m}"`]));

/** Cheap text check for a codemod's filter: does the file name a router package in quotes (`require('express')`)? */
export function mentionsRouterPackage(text: string): boolean {
  return ROUTER_IMPORT_NEEDLES.some((needle) => text.includes(needle));
}

/** A handler parameter, as far as keepers care: a name, or the names a destructuring binds by key. */
export type KeeperParam = { readonly name: string } | { readonly properties: ReadonlyMap<string, string> };

/**
 * Where a path of the table (a keeper, the bindings) starts in a handler's parameter: the local
 * it begins from (the parameter, or the destructured binding of the path's first key) and the
 * member text after it (`'.executionCtx.waitUntil'`, `'?.env'`; '' for the local itself).
 */
export function paramPathStart(path: ParamPath, param: KeeperParam | undefined): { local: string; rest: string } | undefined {
  if (!param) return undefined;
  if ('name' in param) return { local: param.name, rest: path.member === '' ? '' : `.${path.member}` };
  const first = /^[A-Za-z_$][\w$]*/.exec(path.member)?.[0];
  const local = first === undefined ? undefined : param.properties.get(first);
  return local === undefined || first === undefined ? undefined : { local, rest: path.member.slice(first.length) };
}

/**
 * The keeper expression for a handler (`c.executionCtx.waitUntil`, `platform?.context?.waitUntil`),
 * or undefined when the parameter is missing, destructured without the path's first key, or
 * the keeper needs evidence the file does not have.
 */
export function keeperExpression(keeper: Keeper | undefined, param: KeeperParam | undefined, fileText: string): string | undefined {
  if (!keeper) return undefined;
  if (keeper.evidence !== undefined && !fileText.includes(keeper.evidence)) return undefined;
  const start = paramPathStart(keeper, param);
  // `({ waitUntil }) => waitUntil(p)` calls it detached from its object: Workers throw "Illegal invocation".
  if (!start || start.rest === '') return undefined;
  return `${start.local}${start.rest}`;
}

/** The shape of a function handed to a handler factory (`defineEventHandler(fn)`). */
export function factoryHandlerShape(factory: CallShape): HandlerShape {
  return { framework: factory.framework, kind: factory.kind, keeper: factory.keeper, bindings: factory.bindings };
}

/** The shape of a route callback of a router (`app.get('/x', fn)`). */
export function routeCallbackShape(router: RouterShape): HandlerShape {
  return { framework: router.framework, kind: 'route-callback', keeper: router.keeper, bindings: router.bindings };
}

/** Receiver names a router accepts in a file importing its package. */
export function isConventionalReceiver(routers: readonly RouterShape[], name: string): RouterShape | undefined {
  return routers.find((r) => r.receiverNames.includes(name));
}

/** Whether `method` takes route callbacks on `router`, or chains to the same kind of object. */
export function routerMethodRole(router: RouterShape, method: string): 'route' | 'chain' | undefined {
  if (router.routeMethods.includes(method)) return 'route';
  if (router.chainMethods.includes(method)) return 'chain';
  return undefined;
}
