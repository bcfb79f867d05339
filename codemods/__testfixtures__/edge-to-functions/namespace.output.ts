import * as edge from '@vercel/functions';
import { COUNTRY_HEADER_NAME } from '@vercel/functions/headers';

export function region(request: Request) {
  return [edge.geolocation(request).region, request.headers.get(COUNTRY_HEADER_NAME)];
}
