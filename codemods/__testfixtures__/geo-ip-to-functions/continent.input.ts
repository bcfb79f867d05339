export function GET(request: Request) {
  return new Response(request.headers.get('x-vercel-ip-continent'));
}
