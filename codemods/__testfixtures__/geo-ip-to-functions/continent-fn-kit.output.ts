import { geolocation } from '@fn-kit/functions';

export function GET(request: Request) {
  return Response.json([geolocation(request).city, geolocation(request).continent]);
}
