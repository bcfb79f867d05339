import { NextResponse } from 'next/server';
import { geolocation, ipAddress, type Geo } from '@vercel/functions';
import { CITY_HEADER_NAME } from '@vercel/functions/headers';

export function middleware(request: Request) {
  const geo: Geo = geolocation(request);
  const city = request.headers.get(CITY_HEADER_NAME);
  return NextResponse.json({ geo, city, ip: ipAddress(request) });
}
