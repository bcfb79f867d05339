/**
 * The upstream behaviours and catalog facts that fn/require-url-scheme, fn/no-redundant-decode
 * and fn/valid-request-argument rest on, checked against the installed `@vercel/functions`.
 */
import * as upstream from '@vercel/functions';
import { describe, expect, it } from 'vitest';
import { geolocation as ourGeolocation } from '@fn-kit/functions';
import { GEO_FIELDS, HOST_WITHOUT_SCHEME_ENV_NAMES } from '../../lib/catalog.js';

const geoHeaders = (): Headers =>
  new Headers({
    'x-real-ip': '203.0.113.7',
    'x-vercel-ip-city': 'S%C3%A3o%20Paulo',
    'x-vercel-ip-country': 'BR',
    'x-vercel-ip-country-region': 'S%50',
    'x-vercel-ip-postal-code': '01000%20000',
  });

describe('catalog: system variables that hold a host without a scheme', () => {
  it('are the three URL variables and their NEXT_PUBLIC_ forms', () => {
    expect([...HOST_WITHOUT_SCHEME_ENV_NAMES].sort()).toEqual([
      'NEXT_PUBLIC_VERCEL_BRANCH_URL',
      'NEXT_PUBLIC_VERCEL_PROJECT_PRODUCTION_URL',
      'NEXT_PUBLIC_VERCEL_URL',
      'VERCEL_BRANCH_URL',
      'VERCEL_PROJECT_PRODUCTION_URL',
      'VERCEL_URL',
    ]);
  });

  it('cannot start a URL on their own: new URL() throws on such a value', () => {
    expect(() => new URL('my-site-abc123.vercel.app/api/sendmail')).toThrow(TypeError);
    expect(new URL('https://my-site-abc123.vercel.app/api/sendmail').host).toBe('my-site-abc123.vercel.app');
  });
});

describe('upstream geolocation() decodes the city and only the city', () => {
  it('matches the catalog percentDecoded flags (and fn-kit does the same)', () => {
    const decoded = GEO_FIELDS.filter((f) => 'percentDecoded' in f).map((f) => f.field);
    expect(decoded).toEqual(['city']);
    for (const geo of [upstream.geolocation({ headers: geoHeaders() }), ourGeolocation({ headers: geoHeaders() })]) {
      expect(geo.city).toBe('São Paulo');
      expect(geo.countryRegion).toBe('S%50');
      expect(geo.postalCode).toBe('01000%20000');
    }
  });

  it('so a second decode throws on a city that holds a %', () => {
    const city = upstream.geolocation({ headers: new Headers({ 'x-vercel-ip-city': '100%25%20Town' }) }).city ?? '';
    expect(city).toBe('100% Town');
    expect(() => decodeURIComponent(city)).toThrow(URIError);
  });
});

describe('upstream request arguments', () => {
  it('geolocation() throws on a Headers; fn-kit reads one at run time (its type, like upstream\'s, asks for a request)', () => {
    expect(() => upstream.geolocation(geoHeaders() as never)).toThrow("Cannot read properties of undefined (reading 'get')");
    expect(ourGeolocation(geoHeaders() as never).city).toBe('São Paulo');
  });

  it('ipAddress() reads a Headers as well as a request (not reported)', () => {
    expect(upstream.ipAddress(geoHeaders())).toBe('203.0.113.7');
    expect(upstream.ipAddress({ headers: geoHeaders() })).toBe('203.0.113.7');
  });
});
