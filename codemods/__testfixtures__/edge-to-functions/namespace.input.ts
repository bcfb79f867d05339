import * as edge from '@vercel/edge';

export function region(request: Request) {
  return [edge.geolocation(request).region, request.headers.get(edge.COUNTRY_HEADER_NAME)];
}
