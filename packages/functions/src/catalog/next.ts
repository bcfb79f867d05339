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
} as const;

export type AfterSupport = 'after' | 'unstable_after' | 'none';

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
