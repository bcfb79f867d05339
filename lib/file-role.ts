/**
 * What a file is in a Next.js project, judged from its path alone. The AST-level
 * questions (does it export GET? is it 'use server'?) belong to each AST flavour's helper.
 */
import { basename, dirname, extname, resolve, sep } from 'node:path';
import { NEXT_FACTS } from './catalog.js';

export interface PathRole {
  /** Under an `app/` directory (App Router code: routes, pages, layouts, actions). */
  readonly appRouter: boolean;
  /** Under `pages/api/` (Pages Router API route: `after` does not apply). */
  readonly pagesApi: boolean;
  /** A `middleware.*` or `proxy.*` file at the project root or in `src/`. */
  readonly middleware: boolean;
  /** An App Router `route.*` file (route handlers). */
  readonly routeFile: boolean;
}

const SOURCE_EXT = /^\.(?:[cm]?[jt]sx?)$/;

/** Several rules ask about the same file in a row: the last answer is kept. */
let last: { filename: string; role: PathRole } | undefined;

export function pathRole(filename: string): PathRole {
  if (last?.filename === filename) return last.role;
  const role = computeRole(filename);
  last = { filename, role };
  return role;
}

function computeRole(filename: string): PathRole {
  const abs = resolve(filename);
  const segments = dirname(abs).split(sep);
  const ext = extname(abs);
  const stem = basename(abs, ext);
  const appIndex = segments.lastIndexOf('app');
  const pagesIndex = segments.lastIndexOf('pages');
  const pagesApi = pagesIndex !== -1 && segments[pagesIndex + 1] === 'api';
  const appRouter = appIndex !== -1 && !pagesApi;
  const parent = segments[segments.length - 1];
  const middleware =
    SOURCE_EXT.test(ext) &&
    (NEXT_FACTS.middlewareFiles as readonly string[]).includes(stem) &&
    appIndex === -1 &&
    pagesIndex === -1 &&
    (parent === 'src' || !segments.includes('src'));
  return { appRouter, pagesApi, middleware, routeFile: appRouter && stem === 'route' && SOURCE_EXT.test(ext) };
}

/** App Router code in the sense of `after()`: app/** or middleware, never pages/api. */
export function isAfterEligiblePath(filename: string): boolean {
  const role = pathRole(filename);
  return !role.pagesApi && (role.appRouter || role.middleware);
}

/**
 * A Pages Router file: under a `pages/` directory, the innermost of `app/` and `pages/`
 * deciding (so a checkout in `~/pages/site/app/` is App Router code). `pages/api/**` counts.
 */
export function isPagesRouterPath(filename: string): boolean {
  const segments = dirname(resolve(filename)).split(sep);
  const pagesIndex = segments.lastIndexOf('pages');
  return pagesIndex !== -1 && (pathRole(filename).pagesApi || pagesIndex > segments.lastIndexOf('app'));
}

/** An App Router file convention whose default export is a Server Component (`page`, `layout`, …). */
export function isServerComponentFile(filename: string): boolean {
  const role = pathRole(filename);
  const ext = extname(filename);
  return role.appRouter && SOURCE_EXT.test(ext) && (NEXT_FACTS.serverComponentFiles as readonly string[]).includes(basename(filename, ext));
}
