import { NextResponse, type NextRequest } from 'next/server';
import { waitUntil } from '@vercel/functions';

const BLOCKED_COUNTRIES = new Set(['KP', 'IR']);

export function middleware(request: NextRequest) {
  const country = request.geo?.country ?? request.headers.get('x-vercel-ip-country') ?? 'US';
  const ip = request.ip ?? request.headers.get('x-real-ip') ?? 'unknown';

  // Page-view beacon, kept alive past the response.
  waitUntil(
    fetch(`${process.env.ANALYTICS_URL}/pageview`, {
      method: 'POST',
      body: JSON.stringify({ path: request.nextUrl.pathname, country, ip }),
    }),
  );

  if (BLOCKED_COUNTRIES.has(country)) {
    return new NextResponse('Not available in your region', { status: 451 });
  }
  const response = NextResponse.next();
  response.headers.set('x-shop-country', country);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/health).*)'],
};
