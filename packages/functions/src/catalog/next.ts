/**
 * Next.js facts the rules and codemods rely on. Versions are plain strings; version
 * arithmetic (ranges, comparisons) lives with the tools, which depend on `semver`.
 */
import type { GeoField } from './headers.js';

export const NEXT_FACTS = {
  packageName: 'next',
  /** The module `after` (and `unstable_after`) is exported from. */
  afterModule: 'next/server',
  afterExport: 'after',
  /** `after` is stable from this version on. */
  afterStableFrom: '15.1.0',
  /** 15.0.x has it only as `unstable_after` (behind `experimental.after`). */
  unstableAfterFrom: '15.0.0',
  unstableAfterExport: 'unstable_after',
  /**
   * `next/server` no longer exports `unstable_after` from this version on: 15.1.0 renamed it
   * to `after` with no alias (checked against the real packages by `npm run test:next`).
   */
  unstableAfterRemovedIn: '15.1.0',
  /** 15.0.x: `unstable_after()` throws unless `next.config.*` sets `experimental.after: true`. */
  unstableAfterConfigFlag: ['experimental', 'after'],
  /** The config files Next.js reads (at the project root), in its lookup order. */
  configFiles: ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts'],
  /**
   * App Router file conventions whose default export renders as a Server Component (unless
   * the file says `'use client'`). `error` / `global-error` are always client files; `route`
   * files are Route Handlers.
   */
  serverComponentFiles: ['page', 'layout', 'template', 'default', 'not-found', 'loading', 'forbidden', 'unauthorized', 'global-not-found'],
  /** Request APIs of `next/headers` that an `after()` callback of a Server Component may not call. */
  headersModule: 'next/headers',
  requestApis: ['headers', 'cookies', 'draftMode'],
  /** `NextRequest.geo` and `NextRequest.ip` were removed in this version. */
  requestGeoIpRemovedIn: '15.0.0',
  /** The App Router became stable here; below it nothing is App Router code. */
  appRouterFrom: '13.4.0',
  /** Route-handler method exports of App Router `route.ts` files. */
  routeHandlerMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
  /** Pages Router API routes: `after` does not apply there; `waitUntil` stays. */
  pagesApiDir: 'pages/api',
  /** Middleware file base names (`proxy` is the Next 16 name). */
  middlewareFiles: ['middleware', 'proxy'],
  /**
   * Next 16 renamed middleware to proxy: `proxy.*` files and the `NextProxy` type of
   * `next/server` exist from this version on (`middleware.*` still works there, deprecated).
   */
  proxyFrom: '16.0.0',
  proxyTypeExport: 'NextProxy',
} as const;

export type AfterSupport = 'after' | 'unstable_after' | 'none';

/**
 * The specifiers that name `next/server`: Next ships it as `server.js` at the package root (no
 * `exports` map), so `next/server.js` is the same module (ESM code that spells out extensions).
 */
export const NEXT_SERVER_SPECIFIERS: readonly string[] = [NEXT_FACTS.afterModule, `${NEXT_FACTS.afterModule}.js`];

export function isNextServerModule(specifier: string | undefined): boolean {
  return specifier !== undefined && NEXT_SERVER_SPECIFIERS.includes(specifier);
}

/**
 * `NextRequest.geo` fields (Next 13.x/14.x; removed in 15) and the `geolocation()` field
 * that holds the same value. Next's `geo.region` was the ISO 3166-2 subdivision code (from
 * `x-vercel-ip-country-region`), which `geolocation()` calls `countryRegion`: its own `region`
 * is the edge region that received the request.
 */
export const NEXT_REQUEST_GEO_FIELDS: Readonly<Record<string, GeoField>> = {
  city: 'city',
  country: 'country',
  region: 'countryRegion',
  latitude: 'latitude',
  longitude: 'longitude',
};

/** The `NextRequest` properties removed in Next 15 (see `requestGeoIpRemovedIn`). */
export const NEXT_REQUEST_REMOVED_PROPERTIES = { geo: 'geo', ip: 'ip' } as const;
