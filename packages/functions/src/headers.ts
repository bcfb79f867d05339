/**
 * `@fn-kit/functions/headers`: the platform's header-name constants, `geolocation` and
 * `ipAddress`. Header names come from the catalog.
 *
 * The default export is an object holding every value export: upstream's module is
 * CommonJS, so `import headers from '@vercel/functions/headers'` gets its `module.exports`,
 * and code written that way keeps working here (ESM and CJS builds alike).
 */
import { HEADER_CONSTANTS, EMOJI_FLAG_UNICODE_STARTING_POSITION as FLAG_START } from './catalog/index.js';
import { geolocation } from './geolocation.js';
import { ipAddress } from './ip-address.js';

/** City of the original client IP (percent-encoded for non-ASCII names). */
export const CITY_HEADER_NAME = HEADER_CONSTANTS.CITY_HEADER_NAME;
/** Country (ISO 3166-1 alpha-2) of the original client IP. */
export const COUNTRY_HEADER_NAME = HEADER_CONSTANTS.COUNTRY_HEADER_NAME;
/** Client IP as calculated by the platform's proxy. */
export const IP_HEADER_NAME = HEADER_CONSTANTS.IP_HEADER_NAME;
/** Latitude of the original client IP. */
export const LATITUDE_HEADER_NAME = HEADER_CONSTANTS.LATITUDE_HEADER_NAME;
/** Longitude of the original client IP. */
export const LONGITUDE_HEADER_NAME = HEADER_CONSTANTS.LONGITUDE_HEADER_NAME;
/** Country region (the region part of ISO 3166-2) of the original client IP. */
export const REGION_HEADER_NAME = HEADER_CONSTANTS.REGION_HEADER_NAME;
/** Postal code of the original client IP. */
export const POSTAL_CODE_HEADER_NAME = HEADER_CONSTANTS.POSTAL_CODE_HEADER_NAME;
/** The request id the platform's proxy generates; it starts with the edge region. */
export const REQUEST_ID_HEADER_NAME = HEADER_CONSTANTS.REQUEST_ID_HEADER_NAME;
/** Continent code of the original client IP (an fn-kit extension). */
export const CONTINENT_HEADER_NAME = HEADER_CONSTANTS.CONTINENT_HEADER_NAME;
/** Emoji flag code points start at this number plus the letter's char code ('A' = 65). */
export const EMOJI_FLAG_UNICODE_STARTING_POSITION = FLAG_START;

export { geolocation, ipAddress };
export type { Geo, Headers, NodeHeaders, NodeRequest, Request } from './types.js';

const headers = Object.freeze({
  CITY_HEADER_NAME,
  COUNTRY_HEADER_NAME,
  IP_HEADER_NAME,
  LATITUDE_HEADER_NAME,
  LONGITUDE_HEADER_NAME,
  REGION_HEADER_NAME,
  POSTAL_CODE_HEADER_NAME,
  REQUEST_ID_HEADER_NAME,
  CONTINENT_HEADER_NAME,
  EMOJI_FLAG_UNICODE_STARTING_POSITION,
  geolocation,
  ipAddress,
});

export default headers;
