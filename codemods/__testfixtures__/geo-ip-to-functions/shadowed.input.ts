import type { NextRequest } from 'next/server';

export function GET(request: NextRequest) {
  const inner = (request: { geo: string }) => request.geo;
  return inner({ geo: 'x' });
}
