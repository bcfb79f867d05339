import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipAddress } from '@fn-kit/functions';
import { IP_HEADERS } from '@fn-kit/functions/catalog';

const ip = '203.0.113.7';

describe('ipAddress', () => {
  it('reads x-real-ip from a Request, a Headers and anything with headers.get', () => {
    expect(ipAddress(new Request('https://example.test/', { headers: { [IP_HEADERS.realIp]: ip } }))).toBe(ip);
    expect(ipAddress(new Headers({ [IP_HEADERS.realIp]: ip }))).toBe(ip);
    expect(ipAddress({ headers: { get: (name: string) => (name === IP_HEADERS.realIp ? ip : null) } })).toBe(ip);
    expect(ipAddress({ get: (name: string) => (name === IP_HEADERS.realIp ? ip : null) })).toBe(ip);
  });

  it('reads Node IncomingMessage-style plain headers (string or string[])', () => {
    expect(ipAddress({ headers: { [IP_HEADERS.realIp]: ip } })).toBe(ip);
    expect(ipAddress({ headers: { [IP_HEADERS.realIp]: [ip] } })).toBe(ip);
    expect(ipAddress({ [IP_HEADERS.realIp]: ip })).toBe(ip);
    expect(ipAddress({ headers: { 'X-Real-IP': ip } })).toBe(ip);
  });

  it('never reads x-forwarded-for', () => {
    expect(ipAddress(new Headers({ [IP_HEADERS.forwardedFor]: '198.51.100.1' }))).toBeUndefined();
  });

  it('is undefined without the header', () => {
    expect(ipAddress(new Headers())).toBeUndefined();
    expect(ipAddress({ headers: {} })).toBeUndefined();
  });

  it('never throws, whatever the header shape (property)', () => {
    const key = fc.oneof(
      fc.constantFrom(IP_HEADERS.realIp, 'X-Real-Ip', '__proto__', 'constructor', 'get', 'headers', 'toString'),
      fc.string(),
    );
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }),
      fc.constant(undefined),
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.object({ maxDepth: 1 }),
    );
    const plain = fc.dictionary(key, value);
    const getter = fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined), fc.integer()).map((v) => ({
      get: () => v,
    }));
    const validHeaders = fc
      .dictionary(fc.constantFrom(IP_HEADERS.realIp, 'x-other'), fc.string({ unit: 'grapheme-ascii' }))
      .map((d) => {
        try {
          return new Headers(d);
        } catch {
          return new Headers();
        }
      });
    const headersShape = fc.oneof(plain, getter, validHeaders, fc.constant(null), fc.constant(undefined), fc.integer(), fc.string());
    const input = fc.oneof(headersShape, headersShape.map((headers) => ({ headers })));
    fc.assert(
      fc.property(input, (value) => {
        const result = ipAddress(value as Parameters<typeof ipAddress>[0]);
        expect(result === undefined || typeof result === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
