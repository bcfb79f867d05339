export async function GET(request: Request) {
  const city = request.headers.get('x-vercel-ip-city');
  const region = request.headers.get('X-Vercel-IP-Country-Region');
  const ip = request.headers.get('x-real-ip');
  return Response.json({ city, region, ip });
}
