import { waitUntil, geolocation, ipAddress } from '@fn-kit/functions';

export function GET(request: Request) {
  waitUntil(fetch('https://example.com/log'));
  return Response.json({ city: geolocation(request).city, ip: ipAddress(request) });
}
