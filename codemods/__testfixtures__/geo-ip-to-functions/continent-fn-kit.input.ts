import { geolocation } from '@fn-kit/functions';

export function GET(request: Request) {
  return Response.json([geolocation(request).city, request.headers.get('x-vercel-ip-continent')]);
}
