import { geolocation, ipAddress } from '@vercel/functions';

export async function GET(request: Request) {
  const city = geolocation(request).city;
  const region = geolocation(request).countryRegion;
  const ip = ipAddress(request);
  return Response.json({ city, region, ip });
}
