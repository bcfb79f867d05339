import { type NextRequest } from 'next/server';
import { waitUntil, geolocation, ipAddress } from '@vercel/functions';

function clientOf(request: NextRequest) {
  return { geo: geolocation(request), ip: ipAddress(request) };
}

export async function GET(request: NextRequest) {
  waitUntil(Promise.resolve());
  return Response.json(clientOf(request));
}
