import { type NextRequest, NextResponse } from 'next/server';
import { geolocation, ipAddress } from '@vercel/functions';

export function GET(request: NextRequest) {
  const country = geolocation(request).country ?? 'US';
  return NextResponse.json({ country, ip: ipAddress(request) });
}
