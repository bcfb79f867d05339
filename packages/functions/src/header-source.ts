/**
 * Reads one header from any of the request/header shapes the public functions accept:
 * a `Request`, a `Headers`, anything with `headers.get` or `get`, and Node-style plain
 * header objects. Never throws on odd values; an absent header reads as `undefined`.
 */

/** What `ipAddress` and `geolocation` accept. */
export type HeaderSourceInput = unknown;

type HeaderReader = (name: string) => string | undefined;

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function plainValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  // Node joins repeated headers with ", " (Headers#get does the same).
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return String(value);
}

function readPlain(headers: object, name: string): string | undefined {
  const record = headers as Record<string, unknown>;
  if (hasOwn(headers, name)) return plainValue(record[name]);
  // Node lower-cases keys; a hand-made object may not have.
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name) return plainValue(record[key]);
  }
  return undefined;
}

function fromHeaders(headers: unknown): HeaderReader {
  if (headers !== null && typeof headers === 'object') {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function') {
      return (name) => {
        const value: unknown = get.call(headers, name);
        return value === null || value === undefined ? undefined : String(value);
      };
    }
    return (name) => readPlain(headers, name);
  }
  return () => undefined;
}

/**
 * A reader for `input`: a request-like object (has `headers`) or headers themselves.
 * Header names passed to the reader must be lower-case.
 */
export function headerReader(input: HeaderSourceInput): HeaderReader {
  if (input === null || typeof input !== 'object') return () => undefined;
  if ('headers' in input) return fromHeaders((input as { headers: unknown }).headers);
  return fromHeaders(input);
}
