import { type NextRequest } from 'next/server';
import { waitUntil } from '@vercel/functions';

function clientOf(request: NextRequest) {
  return { geo: request.geo, ip: request.ip };
}

export async function GET(request: NextRequest) {
  waitUntil(Promise.resolve());
  return Response.json(clientOf(request));
}
