import { geolocation } from '@vercel/functions';

export function GET(request: Request) {
  const city = geolocation(request).city ?? '';
  const plain = geolocation(request).city!;
  const direct = geolocation(request).city || 'Unknown';
  const encoded = decodeURIComponent(geolocation(request).city ?? 'S%C3%A3o Paulo');
  return Response.json({ city, plain, direct, encoded });
}
