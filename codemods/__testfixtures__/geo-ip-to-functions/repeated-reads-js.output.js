import { NextResponse } from 'next/server';
import { geolocation, ipAddress } from '@vercel/functions';

export default function middleware(req) {
  const country = geolocation(req).country;
  const city = req?.geo?.city?.toLowerCase();
  const ip = ipAddress(req);
  return NextResponse.json({ country, city, ip });
}
