/**
 * Next.js facts the rules and codemods rely on. Versions are plain strings; version
 * arithmetic (ranges, comparisons) lives with the tools, which depend on `semver`.
 */
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
