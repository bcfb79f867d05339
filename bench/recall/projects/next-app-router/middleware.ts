import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  fetch('https://analytics.example.com/hit', { method: 'POST', body: request.nextUrl.pathname }); // expect: fn/no-floating-background-promise
  return NextResponse.next();
}

export const config = { matcher: ['/shop/:path*'] };
