// Written for the old edge runtime package; @vercel/functions replaced it.
import { geolocation, ipAddress } from '@vercel/edge';

export const runtime = 'edge';

/** @param {Request} request */
export function GET(request) {
  const { country, city } = geolocation(request);
  return Response.json({ country, city, ip: ipAddress(request) });
}
