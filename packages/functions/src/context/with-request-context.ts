/**
 * `withRequestContext(handler, options)`: runs a request handler inside the portable
 * request context, so that `waitUntil` and `after` work off the platform.
 *
 * The handler style is decided per call, from the arguments: when the second argument
 * is a Node `ServerResponse` (it has `on`, `end` and `setHeader`), the handler is a Node
 * `(req, res)` handler (Express-style `(req, res, next)` too) and the response counts as
 * sent on `finish`/`close`. Otherwise it is a fetch-style `(request, ...rest)` handler
 * whose returned `Response` counts as sent once the server has read its body (a
 * Pages-style `(context)` handler is one too: its headers come from `context.request`).
 *
 * When the host passes its own execution context (any argument with a `waitUntil`
 * method: Workers' `ctx`, Netlify's `context`, the Pages `context`), every task tracked in
 * the call is also handed to it, so that the host keeps the invocation alive for it (not
 * on the platform, whose own context gets the tasks as before).
 */
import { headerReader } from '../header-source.js';
import type { NodeRequest, Request } from '../types.js';
import { findHostWaitUntil, requestOf } from './handler-args.js';
import { registry } from './registry.js';
import { RequestScope } from './request-scope.js';
import type { BackgroundErrorReporter } from './reporter-types.js';
import { isNodeResponse, observeFetchResponse, whenNodeResponseSent, type NodeResponseLike } from './response-completion.js';

export type { NodeResponseLike } from './response-completion.js';

/** Default background budget after the response: 30 seconds. */
export const DEFAULT_BACKGROUND_TIMEOUT_MS = 30_000;

export interface RequestContextOptions {
  /**
   * How long background work may go on after the response has been sent, in ms. Tasks
   * still running then are reported as cut off and no longer waited for. `Infinity`
   * disables the budget. Default 30 000.
   */
  timeoutMs?: number;
  /** Reporter for this handler's background errors (overrides the process-wide one). */
  onError?: BackgroundErrorReporter;
}

/** A fetch-style handler: a `Request` (plus whatever else the host passes) to a `Response`. */
export type FetchHandler<Rest extends unknown[] = unknown[]> = (
  request: globalThis.Request,
  ...rest: Rest
) => Response | Promise<Response>;

/** What a host's execution context has that the library uses. */
export interface HostExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** A handler that gets one context object holding the request (Cloudflare Pages Functions). */
export type ContextHandler<Context extends { request: globalThis.Request } & HostExecutionContext> = (
  context: Context,
) => Response | Promise<Response>;

/** A Node `http` handler (`(req, res)`; Express's `next` is passed through). */
export type NodeHandler<Req extends NodeRequest, Res extends NodeResponseLike, Rest extends unknown[], R> = (
  req: Req,
  res: Res,
  ...rest: Rest
) => R;

function checkedTimeout(options: RequestContextOptions | undefined): number {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_BACKGROUND_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(
      `withRequestContext: timeoutMs must be a non-negative number of milliseconds (or Infinity), got ${String(timeoutMs)}`,
    );
  }
  return timeoutMs;
}

export function withRequestContext<Rest extends unknown[]>(
  handler: FetchHandler<Rest>,
  options?: RequestContextOptions,
): (request: globalThis.Request, ...rest: Rest) => Promise<Response>;
export function withRequestContext<Context extends { request: globalThis.Request } & HostExecutionContext>(
  handler: ContextHandler<Context>,
  options?: RequestContextOptions,
): (context: Context) => Promise<Response>;
export function withRequestContext<Req extends NodeRequest, Res extends NodeResponseLike, Rest extends unknown[], R>(
  handler: NodeHandler<Req, Res, Rest, R>,
  options?: RequestContextOptions,
): (req: Req, res: Res, ...rest: Rest) => R;
export function withRequestContext(
  handler: (...args: never[]) => unknown,
  options?: RequestContextOptions,
): (...args: never[]) => unknown {
  if (typeof handler !== 'function') {
    throw new TypeError(`withRequestContext expects a request handler function, got ${typeof handler}`);
  }
  const timeoutMs = checkedTimeout(options);
  const onError = options?.onError;
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError(`withRequestContext: onError must be a function, got ${typeof onError}`);
  }
  const { storage } = registry();
  const call = handler as (...args: unknown[]) => unknown;

  return function withContext(this: unknown, ...args: unknown[]): unknown {
    const res = args[1];
    const read = headerReader(requestOf(args) as Request | NodeRequest);
    const scope = new RequestScope(read, timeoutMs, onError, findHostWaitUntil(args));
    const sent = (): void => scope.markResponseSent();

    if (isNodeResponse(res)) {
      whenNodeResponseSent(res, sent);
      return storage.run(scope, () => call.apply(this, args));
    }

    let result: unknown;
    try {
      result = storage.run(scope, () => call.apply(this, args));
    } catch (error) {
      sent();
      return Promise.reject(error);
    }
    return Promise.resolve(result).then(
      (response) => observeFetchResponse(response, sent),
      (error: unknown) => {
        sent();
        throw error;
      },
    );
  };
}
