import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withRequestContext } from '@fn-kit/functions';
import { getVercelOidcToken, getVercelOidcTokenSync, VercelOidcTokenError } from '@fn-kit/functions/oidc';
import { OIDC_FACTS, REQUEST_CONTEXT_SYMBOL_KEY } from '@fn-kit/functions/catalog';
import { inOneHour, jwt, tokenFile, type TokenFile } from './helpers/oidc.js';

const platformKey = Symbol.for(REQUEST_CONTEXT_SYMBOL_KEY);
const host = globalThis as unknown as Record<symbol, unknown>;
const envToken = jwt({ sub: 'env', exp: inOneHour() }, 'env');
const headerToken = jwt({ sub: 'header', exp: inOneHour() }, 'header');
let file: TokenFile;

beforeEach(() => {
  vi.stubEnv(OIDC_FACTS.envVar, undefined);
  vi.stubEnv(OIDC_FACTS.fileEnvVar, undefined);
  file = tokenFile();
});
afterEach(() => {
  delete host[platformKey];
  vi.unstubAllEnvs();
  file.remove();
});

function onPlatform(headers: Record<string, string>): void {
  host[platformKey] = { get: () => ({ headers }) };
}

describe('token sources', () => {
  it('reads VERCEL_OIDC_TOKEN', async () => {
    vi.stubEnv(OIDC_FACTS.envVar, envToken);
    expect(getVercelOidcTokenSync()).toBe(envToken);
    await expect(getVercelOidcToken()).resolves.toBe(envToken);
  });

  it("prefers the platform context's x-vercel-oidc-token header to the env var", async () => {
    vi.stubEnv(OIDC_FACTS.envVar, envToken);
    onPlatform({ [OIDC_FACTS.header]: headerToken });
    expect(getVercelOidcTokenSync()).toBe(headerToken);
    await expect(getVercelOidcToken()).resolves.toBe(headerToken);
  });

  it("reads the header of the portable context's request (fetch-style and Node)", async () => {
    vi.stubEnv(OIDC_FACTS.envVar, envToken);
    const seen: string[] = [];
    const fetchHandler = withRequestContext(async () => {
      seen.push(getVercelOidcTokenSync(), await getVercelOidcToken());
      return new Response(null);
    });
    await fetchHandler(new Request('https://example.test/', { headers: { [OIDC_FACTS.header]: headerToken } }));

    const nodeHandler = withRequestContext((_req: IncomingMessage, _res: ServerResponse) => {
      seen.push(getVercelOidcTokenSync());
    });
    const res = { on: () => res, end: () => {}, setHeader: () => {} };
    nodeHandler({ headers: { [OIDC_FACTS.header]: headerToken } } as unknown as IncomingMessage, res as unknown as ServerResponse);
    expect(seen).toEqual([headerToken, headerToken, headerToken]);
    // outside the context the env var is used again
    expect(getVercelOidcTokenSync()).toBe(envToken);
  });

  it('async: reads VERCEL_OIDC_TOKEN_FILE afresh on each call, before the env var; sync ignores it', async () => {
    vi.stubEnv(OIDC_FACTS.envVar, envToken);
    vi.stubEnv(OIDC_FACTS.fileEnvVar, file.path);
    const first = jwt({ n: 1, exp: inOneHour() }, 'file1');
    const second = jwt({ n: 2, exp: inOneHour() }, 'file2');
    file.write(`${first}\n`);
    await expect(getVercelOidcToken()).resolves.toBe(first);
    file.write(second);
    await expect(getVercelOidcToken()).resolves.toBe(second);
    expect(getVercelOidcTokenSync()).toBe(envToken);
  });

  it('returns a token that is not a JWT unchanged (no expiry to check)', () => {
    vi.stubEnv(OIDC_FACTS.envVar, 'local-test-token');
    expect(getVercelOidcTokenSync()).toBe('local-test-token');
  });
});

describe('errors', () => {
  it('missing: says where it looked and how to get a token', async () => {
    const sync = (() => {
      try {
        getVercelOidcTokenSync();
      } catch (error) {
        return error;
      }
    })();
    expect(sync).toBeInstanceOf(VercelOidcTokenError);
    expect((sync as VercelOidcTokenError).code).toBe('missing');
    const message = (sync as Error).message;
    expect(message).toContain(OIDC_FACTS.header);
    expect(message).toContain('no request context');
    expect(message).toContain(OIDC_FACTS.envVar);
    expect(message).toContain('vercel env pull');
    expect(message).not.toContain(OIDC_FACTS.fileEnvVar);

    await expect(getVercelOidcToken()).rejects.toThrow(new RegExp(`${OIDC_FACTS.fileEnvVar} \\(not set\\)`));
  });

  it('missing inside a request without the header says the header was absent', async () => {
    const handler = withRequestContext(() => {
      expect(() => getVercelOidcTokenSync()).toThrow(/absent from the current request/);
      return new Response(null);
    });
    await handler(new Request('https://example.test/'));
    expect.assertions(1);
  });

  it('an empty token file counts as missing', async () => {
    vi.stubEnv(OIDC_FACTS.fileEnvVar, file.path);
    file.write('  \n');
    await expect(getVercelOidcToken()).rejects.toThrow(/the file .* \(VERCEL_OIDC_TOKEN_FILE\), which is empty/);
  });

  it('an unreadable token file is an error naming the file and the reason', async () => {
    vi.stubEnv(OIDC_FACTS.fileEnvVar, `${file.path}.does-not-exist`);
    await expect(getVercelOidcToken()).rejects.toMatchObject({
      code: 'unreadable-file',
      message: expect.stringContaining(`${file.path}.does-not-exist (VERCEL_OIDC_TOKEN_FILE): ENOENT`),
    });
  });

  it('expired: says so, with the expiry time, for each source', async () => {
    const exp = Math.floor(Date.now() / 1000) - 120;
    const expired = jwt({ exp }, 'expired');
    const iso = new Date(exp * 1000).toISOString();

    vi.stubEnv(OIDC_FACTS.envVar, expired);
    expect(() => getVercelOidcTokenSync()).toThrow(`The Vercel OIDC token from the VERCEL_OIDC_TOKEN environment variable expired at ${iso}.`);

    onPlatform({ [OIDC_FACTS.header]: expired });
    await expect(getVercelOidcToken()).rejects.toMatchObject({
      code: 'expired',
      message: expect.stringContaining(`x-vercel-oidc-token header of the current request expired at ${iso}`),
    });
    delete host[platformKey];

    vi.stubEnv(OIDC_FACTS.fileEnvVar, file.path);
    file.write(expired);
    await expect(getVercelOidcToken()).rejects.toThrow(`(VERCEL_OIDC_TOKEN_FILE) expired at ${iso}`);
  });
});
