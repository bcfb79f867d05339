import { geolocation, geolocation as geolocationFn } from '@vercel/functions';

export function f(request) {
  const geolocation = 1;
  return geolocationFn(request).city;
}

export function g(request) {
  return geolocation(request).country ?? geolocation(request).city;
}
