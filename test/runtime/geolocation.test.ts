import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geolocation } from '@fn-kit/functions';
import { DERIVED_GEO_FIELDS, GEO_FIELDS, HEADER_CONSTANTS } from '@fn-kit/functions/catalog';

const H = HEADER_CONSTANTS;
const request = (headers: Record<string, string>) => new Request('https://example.test/', { headers });

describe('geolocation', () => {
  it('reads every field from the platform headers', () => {
    const geo = geolocation(
      request({
        [H.CITY_HEADER_NAME]: 'S%C3%A3o%20Paulo',
        [H.COUNTRY_HEADER_NAME]: 'BR',
        [H.REGION_HEADER_NAME]: 'SP',
        [H.LATITUDE_HEADER_NAME]: '-23.5475',
        [H.LONGITUDE_HEADER_NAME]: '-46.63611',
        [H.POSTAL_CODE_HEADER_NAME]: '01000-000',
        [H.CONTINENT_HEADER_NAME]: 'SA',
        [H.REQUEST_ID_HEADER_NAME]: 'gru1::iad1::abcde-1700000000000-0123456789ab',
      }),
    );
    expect(geo).toEqual({
      city: 'São Paulo',
      country: 'BR',
      flag: '🇧🇷',
      countryRegion: 'SP',
      region: 'gru1',
      latitude: '-23.5475',
      longitude: '-46.63611',
      postalCode: '01000-000',
      continent: 'SA',
    });
  });

  it('returns exactly the nine fields the catalog describes, in upstream order', () => {
    const keys = Object.keys(geolocation(request({})));
    expect(keys).toEqual(['city', 'country', 'flag', 'countryRegion', 'region', 'latitude', 'longitude', 'postalCode', 'continent']);
    expect(new Set(keys)).toEqual(
      new Set([...GEO_FIELDS.map((f) => f.field), ...Object.keys(DERIVED_GEO_FIELDS)]),
    );
  });

  it('falls back to region dev1 and undefined fields without headers', () => {
    expect(geolocation(request({}))).toEqual({
      city: undefined,
      country: undefined,
      flag: undefined,
      countryRegion: undefined,
      region: 'dev1',
      latitude: undefined,
      longitude: undefined,
      postalCode: undefined,
      continent: undefined,
    });
  });

  it('takes the region from x-vercel-id up to the first colon', () => {
    expect(geolocation(request({ [H.REQUEST_ID_HEADER_NAME]: 'cdg1' })).region).toBe('cdg1');
    expect(geolocation(request({ [H.REQUEST_ID_HEADER_NAME]: 'fra1:sfo1:x' })).region).toBe('fra1');
    expect(geolocation(request({ [H.REQUEST_ID_HEADER_NAME]: ':x' })).region).toBe('');
  });

  it('gives a flag only for two upper-case letters', () => {
    const flag = (country: string) => geolocation(request({ [H.COUNTRY_HEADER_NAME]: country })).flag;
    expect(flag('US')).toBe('🇺🇸');
    expect(flag('us')).toBeUndefined();
    expect(flag('USA')).toBeUndefined();
    expect(flag('U')).toBeUndefined();
    expect(flag('Ü1')).toBeUndefined();
    expect(flag('XX')).toBe('🇽🇽');
  });

  it('returns the raw city when its percent-encoding is malformed', () => {
    expect(geolocation(request({ [H.CITY_HEADER_NAME]: '100%' })).city).toBe('100%');
    expect(geolocation(request({ [H.CITY_HEADER_NAME]: '%E0%A4%A' })).city).toBe('%E0%A4%A');
    expect(geolocation(request({ [H.CITY_HEADER_NAME]: '%ED%A0%80' })).city).toBe('%ED%A0%80');
  });

  it('accepts Node-style plain header objects', () => {
    const geo = geolocation({ headers: { [H.COUNTRY_HEADER_NAME]: 'DE', [H.CITY_HEADER_NAME]: ['K%C3%B6ln'] } });
    expect(geo.country).toBe('DE');
    expect(geo.flag).toBe('🇩🇪');
    expect(geo.city).toBe('Köln');
  });

  it('round-trips any percent-encoded city (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (city) => {
        expect(geolocation(request({ [H.CITY_HEADER_NAME]: encodeURIComponent(city) })).city).toBe(city);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever the header values (property)', () => {
    const headerNames = [...GEO_FIELDS.map((f) => f.header), H.REQUEST_ID_HEADER_NAME];
    const anyValue = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('%', 'E', '0', 'A', 'z', ':', '%2', '%C3', ' ') }),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant(undefined),
      fc.integer(),
    );
    const plainHeaders = fc.dictionary(fc.constantFrom(...headerNames), anyValue);
    fc.assert(
      fc.property(plainHeaders, fc.boolean(), (headers, viaGet) => {
        const input = viaGet
          ? { headers: { get: (name: string) => (headers[name] === undefined ? null : String(headers[name])) } }
          : { headers: headers as Record<string, string | string[] | undefined> };
        const geo = geolocation(input);
        expect(typeof geo.region).toBe('string');
        if (geo.flag !== undefined) expect([...geo.flag]).toHaveLength(2);
      }),
      { numRuns: 1000 },
    );
  });
});
