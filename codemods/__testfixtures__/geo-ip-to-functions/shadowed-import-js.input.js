import { geolocation } from '@vercel/functions';

export function f(request) {
  const geolocation = 1;
  return request.headers.get('x-vercel-ip-city');
}

export function g(request) {
  return geolocation(request).country ?? request.headers.get('x-vercel-ip-city');
}
