/**
 * The first sentence of each error `@vercel/functions` and `@vercel/oidc` raise for a
 * condition this package reports too. fn-kit's message starts with it (code and tests
 * matching upstream's message keep working) and adds its own guidance after it.
 * test/runtime/upstream-parity-errors.test.ts checks them against the installed upstream.
 */
import { OIDC_FACTS } from './catalog/index.js';

export const UPSTREAM_MESSAGES = {
  /** `getVercelOidcToken`/`getVercelOidcTokenSync` without a token (`@vercel/oidc`). */
  missingOidcToken: `The '${OIDC_FACTS.header}' header is missing from the request.`,
  /** `awsCredentialsProvider()` without the optional AWS peer (`@vercel/functions/oidc`). */
  missingAwsPeer: `package '${OIDC_FACTS.awsWebIdentityPackage}' not found`,
  /** `next()`/`rewrite()` with `init.request.headers` that is not a `Headers` (`@vercel/functions/middleware`). */
  middlewareHeadersNotHeaders: 'request.headers must be an instance of Headers',
  /** `waitUntil()` with something that is not a promise (`@vercel/functions`). */
  waitUntilNotPromise: (type: string): string => `waitUntil can only be called with a Promise, got ${type}`,
} as const;

/** Upstream's sentence, then fn-kit's guidance (a sentence without a full stop gets one). */
export function withUpstreamWording(upstream: string, guidance: string): string {
  return `${upstream}${/[.!?]$/.test(upstream) ? '' : '.'} ${guidance}`;
}
