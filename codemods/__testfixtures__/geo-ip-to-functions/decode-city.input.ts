export function GET(request: Request) {
  const city = decodeURIComponent(request.headers.get('x-vercel-ip-city') ?? '');
  const plain = decodeURIComponent(request.headers.get('x-vercel-ip-city')!);
  const direct = decodeURIComponent(request.headers.get('x-vercel-ip-city') || 'Unknown');
  const encoded = decodeURIComponent(request.headers.get('x-vercel-ip-city') ?? 'S%C3%A3o Paulo');
  return Response.json({ city, plain, direct, encoded });
}
