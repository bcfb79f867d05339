import {
  DERIVED_GEO_FIELDS,
  EMOJI_FLAG_UNICODE_STARTING_POSITION,
  GEO_FIELDS,
} from './catalog/index.js';
import { headerReader } from './header-source.js';
import type { Geo, NodeRequest, Request } from './types.js';

const TWO_UPPER_CASE_LETTERS = /^[A-Z]{2}$/;

function flagOf(country: string | undefined): string | undefined {
  if (country === undefined || !TWO_UPPER_CASE_LETTERS.test(country)) return undefined;
  return String.fromCodePoint(
    EMOJI_FLAG_UNICODE_STARTING_POSITION + country.charCodeAt(0),
    EMOJI_FLAG_UNICODE_STARTING_POSITION + country.charCodeAt(1),
  );
}

/** Percent-decodes; a malformed encoding yields the raw value instead of throwing. */
function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The location information of a request, from the headers the platform's proxy sets.
 * Off the platform every field but `region` (`"dev1"`) is `undefined`. Never throws.
 *
 * @example
 * ```ts
 * export function GET(request: Request) {
 *   return Response.json(geolocation(request));
 * }
 * ```
 */
export function geolocation(request: Request | NodeRequest): Geo {
  const read = headerReader(request);
  const fromHeaders: Partial<Record<(typeof GEO_FIELDS)[number]['field'], string>> = {};
  for (const spec of GEO_FIELDS) {
    const raw = read(spec.header);
    // An empty city reads as undefined, as upstream does.
    fromHeaders[spec.field] = 'percentDecoded' in spec ? (raw ? percentDecoded(raw) : undefined) : raw;
  }
  const requestId = read(DERIVED_GEO_FIELDS.region.from);
  // Key order follows upstream's (JSON output stays the same), continent last.
  return {
    city: fromHeaders.city,
    country: fromHeaders.country,
    // The flag derives from the country header (DERIVED_GEO_FIELDS.flag), already read above.
    flag: flagOf(fromHeaders.country),
    countryRegion: fromHeaders.countryRegion,
    region: requestId ? requestId.split(':')[0] : DERIVED_GEO_FIELDS.region.fallback,
    latitude: fromHeaders.latitude,
    longitude: fromHeaders.longitude,
    postalCode: fromHeaders.postalCode,
    continent: fromHeaders.continent,
  };
}
