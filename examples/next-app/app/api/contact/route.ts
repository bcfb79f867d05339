// Planted: three mistakes from real bug reports (see README.md).
import { geolocation, getEnv } from '@vercel/functions';

export async function POST(request: Request) {
  const message = await request.text();
  // geolocation() of @vercel/functions needs the request: on its headers it throws.
  const geo = geolocation(request.headers);
  // geolocation() already decoded the city.
  const city = decodeURIComponent(geo.city ?? '');
  // VERCEL_URL is a bare host name: this URL has no scheme and fetch() throws.
  const sent = await fetch(`${getEnv().VERCEL_URL}/api/sendmail`, {
    method: 'POST',
    body: JSON.stringify({ message, city }),
  });
  return Response.json({ ok: sent.ok });
}
