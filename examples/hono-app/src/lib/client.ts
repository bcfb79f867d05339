import type { Context } from 'hono';

/** The caller's IP address, for rate limits and abuse reports. */
export function clientIp(c: Context): string | undefined {
  // The first x-forwarded-for entry is whatever the client put there.
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
}
