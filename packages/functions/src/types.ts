/**
 * Public types shared by the entry points. They are structural so that they fit the
 * global `Request`, `node-fetch`, undici and Node's `IncomingMessage` alike.
 */

/** Anything that can look a header up by name (the global `Headers` fits). */
export interface Headers {
  get(name: string): string | null;
}

/** A request as far as this library cares: something with readable headers. */
export interface Request {
  headers: Headers;
}

/**
 * Node `IncomingMessage`-style headers: a plain object with lower-case keys and string
 * (or, for repeated headers, string array) values.
 */
export type NodeHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A Node `IncomingMessage`-style request: plain-object headers. */
export interface NodeRequest {
  headers: NodeHeaders;
}

/** The location information of a request, read from the platform's proxy headers. */
export interface Geo {
  /** The city the request came from (percent-decoded). */
  city?: string;
  /** ISO 3166-1 alpha-2 code of the country the request came from. */
  country?: string;
  /** The flag emoji of `country`, when that is a two-letter upper-case code. */
  flag?: string;
  /** The edge region that received the request (`"dev1"` off the platform). */
  region?: string;
  /** The region part of the ISO 3166-2 code of the client IP. */
  countryRegion?: string;
  /** The latitude of the client. */
  latitude?: string;
  /** The longitude of the client. */
  longitude?: string;
  /** The postal code of the client. */
  postalCode?: string;
  /** The continent code of the client (an fn-kit extension: `x-vercel-ip-continent`). */
  continent?: string;
}
