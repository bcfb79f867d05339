/**
 * Which exports of a file handle requests, decided from export names, directives and the
 * file's path. The ESLint rules and the codemods each find the exported functions in their
 * own AST flavour and ask this one policy what kind of handler they are.
 */
import { sep } from 'node:path';
import { NEXT_FACTS } from './catalog.js';
import type { PathRole } from './file-role.js';

export type HandlerKind = 'route' | 'middleware' | 'pages-api' | 'server-action' | 'fetch-handler';

export interface HandlerFile {
  readonly role: PathRole;
  /** A file-level `'use server'` directive: every exported function is a server action. */
  readonly serverActionsFile: boolean;
  /** Outside App Router code, somewhere under an `api/` directory (plain serverless functions). */
  readonly underApiDir: boolean;
}

/** The method of an `export default { fetch }` handler object. */
export const FETCH_HANDLER_METHOD = 'fetch';

const ROUTE_METHODS: ReadonlySet<string> = new Set(NEXT_FACTS.routeHandlerMethods);
const MIDDLEWARE_NAMES: ReadonlySet<string> = new Set(NEXT_FACTS.middlewareFiles);

export function handlerFile(filename: string, role: PathRole, serverActionsFile: boolean): HandlerFile {
  const underApiDir = !role.appRouter && filename.split(sep).slice(0, -1).includes('api');
  return { role, serverActionsFile, underApiDir };
}

/** The kind of the functions exported under `name`, or undefined when they handle no requests. */
export function namedExportKind(name: string, file: HandlerFile): HandlerKind | undefined {
  if (ROUTE_METHODS.has(name)) return file.serverActionsFile ? 'server-action' : 'route';
  if (MIDDLEWARE_NAMES.has(name)) return 'middleware';
  return file.serverActionsFile ? 'server-action' : undefined;
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
