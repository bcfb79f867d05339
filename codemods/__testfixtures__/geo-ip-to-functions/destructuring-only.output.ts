import { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';

export const GET = (request: NextRequest) => {
  // where the visitor is
  const { city, country } = geolocation(request);
  return Response.json({ city, country });
};
