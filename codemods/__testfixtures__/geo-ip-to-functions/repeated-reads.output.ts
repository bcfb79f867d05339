import { NextResponse, type NextRequest } from 'next/server';
import { geolocation, ipAddress } from '@vercel/functions';

export function middleware(request: NextRequest) {
  const country = geolocation(request).country ?? 'US';
  const ip = ipAddress(request) ?? 'unknown';
  const city = geolocation(request).city;
  // Different fields: both stay.
  const region = geolocation(request).region ?? geolocation(request).countryRegion;
  // A repeat further down the chain goes too.
  const label = geolocation(request)['city'] ?? cityFromCookie(request);
  // Only the ?. right after geolocation() is pointless; the field itself may be missing.
  const upper = geolocation(request).country?.toUpperCase();
  return NextResponse.json({ country, ip, city, region, label, upper });
}

function cityFromCookie(request: NextRequest): string | undefined {
  return request.cookies.get('city')?.value;
}
