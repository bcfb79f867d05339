/**
 * `@fn-kit/functions`: the functions API (`waitUntil`, `getEnv`, `geolocation`,
 * `ipAddress`, `next`, `rewrite`), source-compatible with `@vercel/functions`, plus a
 * portable request context (`withRequestContext`, `after`, `drain`) that makes
 * `waitUntil` work on any Node server, in local development and in tests.
 */
export { waitUntil } from './wait-until.js';
export { after, type AfterCallback, type AfterTask } from './after.js';
export {
  withRequestContext,
  DEFAULT_BACKGROUND_TIMEOUT_MS,
  type ContextHandler,
  type HostExecutionContext,
  type FetchHandler,
  type NodeHandler,
  type NodeResponseLike,
  type RequestContextOptions,
} from './context/with-request-context.js';
export { drain, type DrainResult } from './context/drain.js';
export { setBackgroundErrorReporter, BackgroundTaskCutOffError } from './context/reporter.js';
export type { BackgroundErrorInfo, BackgroundErrorKind, BackgroundErrorReporter } from './context/reporter-types.js';
export { getEnv, type EnvSource } from './get-env.js';
export type { SystemEnv } from './system-env.js';
export { geolocation } from './geolocation.js';
export { ipAddress } from './ip-address.js';
export type { Geo, Headers, NodeHeaders, NodeRequest, Request } from './types.js';
export { next, rewrite, type ExtraResponseInit, type ModifiedRequest } from './middleware.js';
