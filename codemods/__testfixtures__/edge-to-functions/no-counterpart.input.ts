import { geolocation, type RequestContext } from '@vercel/edge';

export default function middleware(request: Request, context: RequestContext) {
  context.waitUntil(Promise.resolve());
  return Response.json(geolocation(request));
}
