import { waitUntil } from '@fn-kit/functions';

export function GET(request: Request) {
  waitUntil(fetch('https://example.com/log'));
  return Response.json({ city: request.headers.get('x-vercel-ip-city'), ip: request.headers.get('x-real-ip') });
}
