import { NextResponse } from 'next/server';
import { geolocation, ipAddress, CITY_HEADER_NAME, type Geo } from '@vercel/edge';

export function middleware(request: Request) {
  const geo: Geo = geolocation(request);
  const city = request.headers.get(CITY_HEADER_NAME);
  return NextResponse.json({ geo, city, ip: ipAddress(request) });
}
