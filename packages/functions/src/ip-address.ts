import { IP_HEADERS } from './catalog/index.js';
import { headerReader } from './header-source.js';
import type { Headers, NodeHeaders, NodeRequest, Request } from './types.js';

/**
 * The client IP address, from the `x-real-ip` header the platform's proxy sets (never
 * from `x-forwarded-for`, whose first entry the client controls). Accepts a `Request`,
 * a `Headers`, anything with `headers.get`, and Node `IncomingMessage`-style requests or
 * plain header objects. `undefined` when the header is absent. Never throws.
 */
export function ipAddress(input: Request | Headers | NodeRequest | NodeHeaders): string | undefined {
  return headerReader(input)(IP_HEADERS.realIp);
}
