import { NextResponse } from 'next/server';
import { geolocation } from '@vercel/functions';

export function middleware(request) {
  if (geolocation(request).country === 'DE') return NextResponse.redirect(new URL('/de', request.url));
  return NextResponse.next();
}
