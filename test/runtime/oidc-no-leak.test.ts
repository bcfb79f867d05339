/**
 * Property: whatever goes wrong (missing, expired, malformed, unreadable file, a failing
 * role exchange), no error message, stack, cause, log line or thrown value contains the
 * OIDC token or its signature.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getVercelOidcToken, getVercelOidcTokenSync } from '@fn-kit/functions/oidc';
import { OIDC_FACTS, REQUEST_CONTEXT_SYMBOL_KEY } from '@fn-kit/functions/catalog';
import { createAwsCredentialsProvider } from '../../packages/functions/src/oidc/aws-credentials-provider.js';
import { loadWebIdentity } from '../../packages/functions/src/oidc/load-web-identity.js';
import { CANARY, jwt, malformedJwt, tokenFile, type TokenFile } from './helpers/oidc.js';

const platformKey = Symbol.for(REQUEST_CONTEXT_SYMBOL_KEY);
const host = globalThis as unknown as Record<symbol, unknown>;
let logged: string[];
let file: TokenFile;

beforeEach(() => {
  logged = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' '));
    });
  }
  file = tokenFile();
});
afterEach(() => {
  delete host[platformKey];
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  file.remove();
});

type Source = 'env' | 'header' | 'file';
const nowSeconds = () => Math.floor(Date.now() / 1000);

const signatureSuffix = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'), minLength: 8, maxLength: 40 });
const expiredToken = fc
  .tuple(fc.integer({ min: 1, max: 10 ** 9 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), signatureSuffix)
  .map(([ago, claims, sig]) => jwt({ ...claims, exp: nowSeconds() - ago }, sig));
const malformedToken = fc
  .tuple(fc.string({ minLength: 1, maxLength: 40 }), signatureSuffix)
  .filter(([text]) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  })
  .map(([text, sig]) => malformedJwt(text, sig));
const weirdExpToken = fc
  .tuple(fc.oneof(fc.constant(Number.MAX_VALUE), fc.constant(-1e20), fc.string(), fc.constant(null)), signatureSuffix)
  .map(([exp, sig]) => jwt({ exp }, sig));
const anyToken = fc.oneof(expiredToken, malformedToken, weirdExpToken);
const source = fc.constantFrom<Source>('env', 'header', 'file');

function place(token: string, where: Source): void {
  vi.stubEnv(OIDC_FACTS.envVar, undefined);
  vi.stubEnv(OIDC_FACTS.fileEnvVar, undefined);
  delete host[platformKey];
  if (where === 'env') vi.stubEnv(OIDC_FACTS.envVar, token);
  if (where === 'header') host[platformKey] = { get: () => ({ headers: { [OIDC_FACTS.header]: token } }) };
  if (where === 'file') {
    file.write(token);
    vi.stubEnv(OIDC_FACTS.fileEnvVar, file.path);
  }
}

/** Everything an error exposes: message, stack, own properties, causes. */
const exposed = (error: unknown): string => `${String(error)}\n${(error as Error)?.stack ?? ''}\n${inspect(error, { depth: 8, showHidden: true })}`;

function expectNoLeak(token: string, error: unknown): void {
  const signature = token.split('.')[2] ?? token;
  const payload = token.split('.')[1] ?? '';
  for (const text of [exposed(error), ...logged]) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(signature);
    expect(text).not.toContain(CANARY);
    if (payload.length >= 8) expect(text).not.toContain(payload);
    // no fragment of the signature either (10-character windows)
    for (let i = 0; i + 10 <= signature.length; i++) expect(text).not.toContain(signature.slice(i, i + 10));
  }
}

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('no OIDC token in errors or logs', () => {
  it('expired, malformed and odd tokens from every source (property)', async () => {
    await fc.assert(
      fc.asyncProperty(anyToken, source, async (token, where) => {
        logged = [];
        place(token, where);
        const asyncError = await outcome(() => getVercelOidcToken());
        expectNoLeak(token, asyncError);
        if (where !== 'file') expectNoLeak(token, await outcome(() => getVercelOidcTokenSync()));
      }),
      { numRuns: 300 },
    );
  });

  it('an expired token is reported as expired without the token', async () => {
    const token = jwt({ exp: nowSeconds() - 60, sub: 'someone' }, 'expiredsig');
    place(token, 'env');
    const error = await outcome(() => getVercelOidcToken());
    expect(String((error as Error).message)).toContain('expired at');
    expectNoLeak(token, error);
  });

  it('a missing token and an unreadable token file do not quote any token', async () => {
    place('unused', 'env');
    vi.stubEnv(OIDC_FACTS.envVar, undefined);
    const missing = await outcome(() => getVercelOidcToken());
    expect(missing).toBeInstanceOf(Error);
    vi.stubEnv(OIDC_FACTS.fileEnvVar, `${file.path}-missing`);
    const unreadable = await outcome(() => getVercelOidcToken());
    expect(unreadable).toBeInstanceOf(Error);
    expectNoLeak(jwt({}, 'nothing'), missing);
    expectNoLeak(jwt({}, 'nothing'), unreadable);
  });

  it('errors of the role exchange that quote the token are redacted (property)', async () => {
    await fc.assert(
      fc.asyncProperty(signatureSuffix, fc.constantFrom('message', 'string'), async (sig, shape) => {
        logged = [];
        const token = jwt({ exp: nowSeconds() + 600 }, sig);
        place(token, 'env');
        const provider = createAwsCredentialsProvider(
          {
            roleArn: 'arn:aws:iam::123456789012:role/test',
            roleAssumerWithWebIdentity: async (params) => {
              const text = `STS rejected WebIdentityToken=${params.WebIdentityToken}`;
              throw shape === 'message' ? new Error(text) : text;
            },
          },
          loadWebIdentity,
        );
        const error = await outcome(() => provider());
        expect(error).toBeDefined();
        expect(exposed(error)).toContain('[redacted OIDC token]');
        expectNoLeak(token, error);
      }),
      { numRuns: 50 },
    );
  });
});
