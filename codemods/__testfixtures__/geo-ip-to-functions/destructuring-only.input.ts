import { NextRequest } from 'next/server';

export const GET = (request: NextRequest) => {
  // where the visitor is
  const { geo: { city, country } } = request;
  return Response.json({ city, country });
};
