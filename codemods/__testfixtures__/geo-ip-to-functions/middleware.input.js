import { NextResponse } from 'next/server';

export function middleware(request) {
  if (request.geo?.country === 'DE') return NextResponse.redirect(new URL('/de', request.url));
  return NextResponse.next();
}
