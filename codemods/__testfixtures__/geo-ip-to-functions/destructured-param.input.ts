import type { NextRequest } from 'next/server';

export function GET({ geo }: NextRequest) {
  return Response.json(geo);
}
