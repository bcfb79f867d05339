/**
 * Which exports of a file handle requests, decided from export names, directives and the
 * file's path. The ESLint rules and the codemods each find the exported functions in their
 * own AST flavour and ask this one policy what kind of handler they are.
 */
import { sep } from 'node:path';
import { NEXT_FACTS } from './catalog.js';
import type { PathRole } from './file-role.js';
import { exportShapesFor, importsRequestKeeper } from './frameworks/match.js';
import { MIDDLEWARE_KEEPER, PLATFORM_REQUEST_PARAM, WORKERS_BINDINGS, WORKERS_KEEPER } from './frameworks/table.js';
import type { ExportShape, HandlerKind, HandlerShape } from './frameworks/types.js';

export type { Framework, HandlerKind, HandlerShape, Keeper } from './frameworks/types.js';

/** A named export's handler shape; `objectOfHandlers`: the export is an object of handlers (SvelteKit `actions`). */
export type ExportHandlerShape = HandlerShape & { readonly objectOfHandlers?: boolean };

export interface HandlerFile {
  readonly role: PathRole;
  /** A file-level `'use server'` directive: every exported function is a server action. */
  readonly serverActionsFile: boolean;
  /** Outside App Router code, somewhere under an `api/` directory (plain serverless functions). */
  readonly underApiDir: boolean;
  /** The framework table's export shapes that apply to this file (lib/frameworks/table.ts). */
  readonly frameworkShapes: readonly ExportShape[];
  /** The file imports a server whose request has its own `waitUntil`: no `request` parameter is marked. */
  readonly requestHasKeeper: boolean;
}

/** The method of an `export default { fetch }` handler object. */
export const FETCH_HANDLER_METHOD = 'fetch';

const ROUTE_METHODS: ReadonlySet<string> = new Set(NEXT_FACTS.routeHandlerMethods);
const MIDDLEWARE_NAMES: ReadonlySet<string> = new Set(NEXT_FACTS.middlewareFiles);
/**
 * `export function middleware` counts anywhere (a file that `middleware.ts` re-exports);
 * `proxy` is too common a name (HTTP proxy helpers, reactive proxies): only in a `proxy.*` /
 * `middleware.*` file at the project root or in `src/`.
 */
const MIDDLEWARE_NAME_ANYWHERE = 'middleware';

/** `importedModules`: the modules the file imports (some frameworks' route modules are known by them). */
export function handlerFile(filename: string, role: PathRole, serverActionsFile: boolean, importedModules: readonly string[] = []): HandlerFile {
  const underApiDir = !role.appRouter && filename.split(sep).slice(0, -1).includes('api');
  return {
    role,
    serverActionsFile,
    underApiDir,
    frameworkShapes: exportShapesFor(filename, importedModules),
    requestHasKeeper: importsRequestKeeper(importedModules),
  };
}

/** The kind of the functions exported under `name`, or undefined when they handle no requests. */
export function namedExportKind(name: string, file: HandlerFile): HandlerKind | undefined {
  return namedExportShape(name, file)?.kind;
}

/** The framework table's shapes first (a SvelteKit `+server` GET), then Next.js's own. */
export function namedExportShape(name: string, file: HandlerFile): ExportHandlerShape | undefined {
  for (const shape of file.frameworkShapes) {
    const found = Object.hasOwn(shape.exports, name) ? shape.exports[name] : undefined;
    if (found) return found;
  }
  if (ROUTE_METHODS.has(name)) {
    return file.serverActionsFile ? { framework: 'next', kind: 'server-action' } : withRequest({ framework: 'next', kind: 'route' }, file);
  }
  if (MIDDLEWARE_NAMES.has(name) && (name === MIDDLEWARE_NAME_ANYWHERE || file.role.middleware)) {
    return withRequest({ framework: 'next', kind: 'middleware', keeper: MIDDLEWARE_KEEPER }, file);
  }
  return file.serverActionsFile ? { framework: 'next', kind: 'server-action' } : undefined;
}

/** `shape` with the platform's request as its first parameter, unless the file's server hands another request. */
function withRequest(shape: HandlerShape, file: HandlerFile | undefined): HandlerShape {
  return file?.requestHasKeeper ? shape : { ...shape, request: PLATFORM_REQUEST_PARAM };
}

const FETCH_HANDLER_BASE: HandlerShape = { framework: 'workers', kind: 'fetch-handler', keeper: WORKERS_KEEPER, bindings: WORKERS_BINDINGS };

/** The methods of an `export default { fetch }` object: Workers-style, `ctx.waitUntil` in the third parameter. */
export const FETCH_HANDLER_SHAPE: HandlerShape = { ...FETCH_HANDLER_BASE, request: PLATFORM_REQUEST_PARAM };

/** FETCH_HANDLER_SHAPE for the methods of `export default { fetch }` in `file`. */
export function fetchHandlerShape(file: HandlerFile): HandlerShape {
  return withRequest(FETCH_HANDLER_BASE, file);
}

/** The shape of a default-exported handler of `kind` (see defaultExportKind) in `file`. */
export function defaultExportShape(kind: HandlerKind, file?: HandlerFile): HandlerShape {
  if (kind === 'middleware') return withRequest({ framework: 'next', kind, keeper: MIDDLEWARE_KEEPER }, file);
  if (kind === 'server-action') return { framework: 'next', kind };
  return withRequest({ framework: kind === 'fetch-handler' ? 'vercel' : 'next', kind }, file);
}

/**
 * The kind of the default-exported functions (other than the methods of an
 * `export default { fetch }` object, which are always fetch handlers). `needsRequestParam`:
 * count only functions whose first parameter looks like a request.
 */
export function defaultExportKind(file: HandlerFile): { kind: HandlerKind; needsRequestParam: boolean } | undefined {
  if (file.serverActionsFile) return { kind: 'server-action', needsRequestParam: false };
  if (file.role.pagesApi) return { kind: 'pages-api', needsRequestParam: false };
  if (file.role.middleware) return { kind: 'middleware', needsRequestParam: false };
  if (file.role.appRouter) return undefined;
  return { kind: 'fetch-handler', needsRequestParam: !file.underApiDir };
}
