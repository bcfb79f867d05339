import { type RequestContext } from '@vercel/edge';
import { geolocation } from '@vercel/functions';

export default function middleware(request: Request, context: RequestContext) {
  context.waitUntil(Promise.resolve());
  return Response.json(geolocation(request));
}
