/**
 * Request headers set by the platform's proxy. Every header name fn-kit reads or
 * recognises is written here and nowhere else.
 */

/** The exported header-name constants of the `./headers` entry point, by export name. */
export const HEADER_CONSTANTS = {
  /** City of the client IP (percent-encoded for non-ASCII names). */
  CITY_HEADER_NAME: 'x-vercel-ip-city',
  /** ISO 3166-1 alpha-2 country code of the client IP. */
  COUNTRY_HEADER_NAME: 'x-vercel-ip-country',
  /** Client IP address as seen by the platform's proxy. */
  IP_HEADER_NAME: 'x-real-ip',
  /** Latitude of the client IP. */
  LATITUDE_HEADER_NAME: 'x-vercel-ip-latitude',
  /** Longitude of the client IP. */
  LONGITUDE_HEADER_NAME: 'x-vercel-ip-longitude',
  /** The region part of the ISO 3166-2 code of the client IP (named REGION for compatibility). */
  REGION_HEADER_NAME: 'x-vercel-ip-country-region',
  /** Postal code of the client IP. */
  POSTAL_CODE_HEADER_NAME: 'x-vercel-ip-postal-code',
  /** Request id; its part before the first `:` is the edge region that received the request. */
  REQUEST_ID_HEADER_NAME: 'x-vercel-id',
  /** Continent code of the client IP (an fn-kit extension to the upstream constants). */
  CONTINENT_HEADER_NAME: 'x-vercel-ip-continent',
} as const;

export type HeaderConstantName = keyof typeof HEADER_CONSTANTS;

/** Regional-indicator symbols start at this code point minus 65 ('A'). */
export const EMOJI_FLAG_UNICODE_STARTING_POSITION = 127397;

/** The fields of `geolocation()` and the header each one comes from. */
export const GEO_FIELDS = [
  { field: 'city', header: HEADER_CONSTANTS.CITY_HEADER_NAME, percentDecoded: true },
  { field: 'country', header: HEADER_CONSTANTS.COUNTRY_HEADER_NAME },
  { field: 'countryRegion', header: HEADER_CONSTANTS.REGION_HEADER_NAME },
  { field: 'latitude', header: HEADER_CONSTANTS.LATITUDE_HEADER_NAME },
  { field: 'longitude', header: HEADER_CONSTANTS.LONGITUDE_HEADER_NAME },
  { field: 'postalCode', header: HEADER_CONSTANTS.POSTAL_CODE_HEADER_NAME },
  { field: 'continent', header: HEADER_CONSTANTS.CONTINENT_HEADER_NAME },
] as const;

/** Fields of `geolocation()` that are derived rather than read from one header. */
export const DERIVED_GEO_FIELDS = {
  flag: { from: HEADER_CONSTANTS.COUNTRY_HEADER_NAME },
  region: { from: HEADER_CONSTANTS.REQUEST_ID_HEADER_NAME, fallback: 'dev1' },
} as const;

export type GeoField = (typeof GEO_FIELDS)[number]['field'] | keyof typeof DERIVED_GEO_FIELDS;

/** Every `x-vercel-ip-*` header, mapped to the `geolocation()` field that replaces a raw read. */
export const GEO_HEADER_TO_FIELD: Readonly<Record<string, GeoField>> = Object.fromEntries(
  GEO_FIELDS.map(({ field, header }) => [header, field]),
);

/** The header that carries the client IP, and headers people wrongly read instead. */
export const IP_HEADERS = {
  realIp: HEADER_CONSTANTS.IP_HEADER_NAME,
  /** Its first entry is whatever the client sent: spoofable. */
  forwardedFor: 'x-forwarded-for',
} as const;

/** Per-request OIDC token header, set by the platform on each invocation. */
export const OIDC_TOKEN_HEADER = 'x-vercel-oidc-token';

/**
 * Response headers that `next()` and `rewrite()` (`./middleware`) set to instruct the
 * platform's routing layer, and the prefix that carries request-header overrides.
 */
export const MIDDLEWARE_HEADERS = {
  /** `"1"`: continue to the origin with the (possibly overridden) request. */
  next: 'x-middleware-next',
  /** The URL the request is rewritten to. */
  rewrite: 'x-middleware-rewrite',
  /** Comma-separated names of the request headers the middleware replaces. */
  overrideHeaders: 'x-middleware-override-headers',
  /** Prefix of each overridden request header (`x-middleware-request-<name>`). */
  requestHeaderPrefix: 'x-middleware-request-',
} as const;
