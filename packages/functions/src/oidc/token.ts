import { OIDC_FACTS } from '../catalog/index.js';
import { UPSTREAM_MESSAGES, withUpstreamWording } from '../upstream-messages.js';
import { jwtExpiry } from './jwt-expiry.js';
import { VercelOidcTokenError } from './oidc-token-error.js';
import { tokenFromEnv, tokenFromFile, tokenFromHeader, type FoundToken, type Lookup } from './token-sources.js';

function missing(looked: Lookup): VercelOidcTokenError {
  return new VercelOidcTokenError(
    'missing',
    withUpstreamWording(
      UPSTREAM_MESSAGES.missingOidcToken,
      `No Vercel OIDC token found. Looked in: ${looked.join('; ')}. ` +
        'On the platform the header is set on every request when OIDC federation is enabled for the project; ' +
        `locally, ${OIDC_FACTS.localHowTo} and load that file.`,
    ),
  );
}

function unexpired(found: FoundToken): string {
  const expiry = jwtExpiry(found.token);
  if (expiry !== undefined && expiry.getTime() <= Date.now()) {
    throw new VercelOidcTokenError(
      'expired',
      `The Vercel OIDC token from ${found.source} expired at ${expiry.toISOString()}. ` +
        'Tokens are short-lived: read one per request instead of keeping it; ' +
        `locally, ${OIDC_FACTS.localHowTo} again to get a fresh one.`,
    );
  }
  return found.token;
}

/**
 * The OIDC token of the current request: its `x-vercel-oidc-token` header, else the file
 * named by `VERCEL_OIDC_TOKEN_FILE` (re-read on each call), else `VERCEL_OIDC_TOKEN`.
 * Call it per request; never cache the result.
 *
 * @throws VercelOidcTokenError when there is no token (the message says where it looked)
 *   or it has expired (with its expiry time). Errors never contain the token.
 */
export async function getVercelOidcToken(): Promise<string> {
  const looked: Lookup = [];
  const found = tokenFromHeader(looked) ?? (await tokenFromFile(looked)) ?? tokenFromEnv(looked);
  if (!found) throw missing(looked);
  return unexpired(found);
}

/**
 * Like {@link getVercelOidcToken}, synchronously: the request header, else
 * `VERCEL_OIDC_TOKEN` (files are not read).
 *
 * @throws VercelOidcTokenError as {@link getVercelOidcToken} does.
 */
export function getVercelOidcTokenSync(): string {
  const looked: Lookup = [];
  const found = tokenFromHeader(looked) ?? tokenFromEnv(looked);
  if (!found) throw missing(looked);
  return unexpired(found);
}
