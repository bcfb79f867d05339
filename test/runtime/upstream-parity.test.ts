/**
 * Same inputs, same outputs as `@vercel/functions` wherever upstream defines the
 * behaviour (upstream throws on a malformed city encoding and has no `continent`).
 */
import fc from 'fast-check';
import * as upstream from '@vercel/functions';
import * as upstreamHeaders from '@vercel/functions/headers';
import * as upstreamMiddleware from '@vercel/functions/middleware';
import { describe, expect, it } from 'vitest';
import { geolocation, getEnv, ipAddress } from '@fn-kit/functions';
import * as ours from '@fn-kit/functions/headers';
import * as ourMiddleware from '@fn-kit/functions/middleware';
import { GEO_FIELDS, HEADER_CONSTANTS } from '@fn-kit/functions/catalog';

const headerNames = [...GEO_FIELDS.map((f) => f.header), HEADER_CONSTANTS.REQUEST_ID_HEADER_NAME, HEADER_CONSTANTS.IP_HEADER_NAME];
const wellFormed = (value: string): boolean => {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};
const headerValue = fc.oneof(
  fc.string({ unit: 'grapheme-ascii' }),
  fc.constantFrom('US', 'us', 'GB', 'S%C3%A3o%20Paulo', 'iad1::x', '', ':', 'a:b:c', '-0.5'),
  fc.string({ unit: 'binary', maxLength: 6 }).map(encodeURIComponent),
);
const headerSets = fc
  .dictionary(fc.constantFrom(...headerNames), headerValue)
  .filter((h) => wellFormed(h[HEADER_CONSTANTS.CITY_HEADER_NAME] ?? ''));

function toRequest(headers: Record<string, string>): Request {
  return new Request('https://example.test/', { headers });
}

describe('parity with @vercel/functions', () => {
  it('geolocation matches (continent aside)', () => {
    fc.assert(
      fc.property(headerSets, (headers) => {
        const { continent: _continent, ...rest } = geolocation(toRequest(headers));
        expect(rest).toEqual(upstream.geolocation(toRequest(headers)));
        expect(Object.keys(rest)).toEqual(Object.keys(upstream.geolocation(toRequest(headers))));
      }),
      { numRuns: 500 },
    );
  });

  it('ipAddress matches for Requests and Headers', () => {
    fc.assert(
      fc.property(headerSets, (headers) => {
        const request = toRequest(headers);
        expect(ipAddress(request)).toEqual(upstream.ipAddress(request));
        expect(ipAddress(request.headers)).toEqual(upstream.ipAddress(request.headers));
      }),
      { numRuns: 300 },
    );
  });

  it('getEnv matches', () => {
    const name = fc.constantFrom(...Object.keys(upstream.getEnv({})), 'VERCEL_OIDC_TOKEN', 'OTHER');
    fc.assert(
      fc.property(fc.dictionary(name, fc.oneof(fc.string(), fc.constant(''))), (env) => {
        expect(getEnv(env)).toEqual(upstream.getEnv(env));
        expect(Object.keys(getEnv(env))).toEqual(Object.keys(upstream.getEnv(env)));
      }),
      { numRuns: 300 },
    );
  });

  it('exports the same header constants (plus the continent extension)', () => {
    const constants = (mod: object) =>
      Object.fromEntries(Object.entries(mod).filter(([key, v]) => /^[A-Z_]+$/.test(key) && typeof v !== 'function'));
    const { CONTINENT_HEADER_NAME, ...ourUpstreamSet } = constants(ours);
    expect(CONTINENT_HEADER_NAME).toBe('x-vercel-ip-continent');
    expect(ourUpstreamSet).toEqual(constants(upstreamHeaders));
  });

  it('next() and rewrite() build the same responses', async () => {
    const overrides = new Headers({ 'x-user-id': 'u_1', authorization: '' });
    const cases: [Response, Response][] = [
      [ourMiddleware.next(), upstreamMiddleware.next()],
      [
        ourMiddleware.next({ headers: { 'x-from-middleware': '1' }, request: { headers: overrides } }),
        upstreamMiddleware.next({ headers: { 'x-from-middleware': '1' }, request: { headers: overrides } }),
      ],
      [ourMiddleware.rewrite('https://example.test/a'), upstreamMiddleware.rewrite('https://example.test/a')],
      [
        ourMiddleware.rewrite(new URL('/b?c=1', 'https://example.test'), { status: 203, request: { headers: overrides } }),
        upstreamMiddleware.rewrite(new URL('/b?c=1', 'https://example.test'), { status: 203, request: { headers: overrides } }),
      ],
    ];
    for (const [mine, theirs] of cases) {
      expect(mine.status).toBe(theirs.status);
      expect([...mine.headers]).toEqual([...theirs.headers]);
      expect(mine.body).toBeNull();
      expect(theirs.body).toBeNull();
    }
  });
});
