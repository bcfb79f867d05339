import type { NextRequest } from 'next/server';

const ipAddress = '127.0.0.1';

export function GET(request: NextRequest) {
  const geolocation = request.geo;
  return Response.json({ geolocation, ip: request.ip ?? ipAddress });
}
