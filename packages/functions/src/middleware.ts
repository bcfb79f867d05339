/**
 * `@fn-kit/functions/middleware`: `next()` and `rewrite()` build the empty responses a
 * routing middleware returns to continue to, or rewrite to, the origin. Instructions
 * travel in response headers (names from the catalog).
 */
import { MIDDLEWARE_HEADERS } from './catalog/index.js';
import { UPSTREAM_MESSAGES, withUpstreamWording } from './upstream-messages.js';

export interface ModifiedRequest {
  /**
   * Replaces the headers of the request sent to the origin (pass data from middleware
   * to the function; drop `authorization`, ...).
   */
  headers?: globalThis.Headers;
}

/** What `new Headers(...)` accepts (spelled so that it needs no DOM lib). */
type HeadersInput = ConstructorParameters<typeof globalThis.Headers>[0];

export interface ExtraResponseInit extends Omit<ResponseInit, 'headers'> {
  /** Headers sent to the user along with the origin's response headers. */
  headers?: HeadersInput;
  /** Fields to rewrite on the request sent to the origin. */
  request?: ModifiedRequest;
}

function instructionResponse(init: ExtraResponseInit | undefined, set: (headers: globalThis.Headers) => void): Response {
  const headers = new Headers(init?.headers ?? {});
  set(headers);
  const override = init?.request?.headers;
  if (override !== undefined) {
    if (!(override instanceof Headers)) {
      throw new Error(
        withUpstreamWording(
          UPSTREAM_MESSAGES.middlewareHeadersNotHeaders,
          'next()/rewrite(): pass init.request.headers as a Headers object, e.g. new Headers(request.headers).',
        ),
      );
    }
    const names: string[] = [];
    for (const [name, value] of override) {
      headers.set(MIDDLEWARE_HEADERS.requestHeaderPrefix + name, value);
      names.push(name);
    }
    headers.set(MIDDLEWARE_HEADERS.overrideHeaders, names.join(','));
  }
  return new Response(null, { status: init?.status, statusText: init?.statusText, headers });
}

/**
 * A response that rewrites the request to `destination` (the URL bar does not change).
 *
 * @example
 * ```ts
 * export default function middleware(request: Request) {
 *   return rewrite(new URL('/experimental', request.url));
 * }
 * ```
 */
export function rewrite(destination: string | URL, init?: ExtraResponseInit): Response {
  return instructionResponse(init, (headers) => headers.set(MIDDLEWARE_HEADERS.rewrite, String(destination)));
}

/**
 * A response that lets the request continue to the origin, optionally with extra
 * response headers or replaced request headers.
 *
 * @example
 * ```ts
 * export default function middleware() {
 *   return next({ headers: { 'x-from-middleware': '1' } });
 * }
 * ```
 */
export function next(init?: ExtraResponseInit): Response {
  return instructionResponse(init, (headers) => headers.set(MIDDLEWARE_HEADERS.next, '1'));
}
