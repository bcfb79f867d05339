import { type NextRequest, NextResponse } from 'next/server';

export function GET(request: NextRequest) {
  const country = request.geo?.country ?? 'US';
  return NextResponse.json({ country, ip: request.ip });
}
