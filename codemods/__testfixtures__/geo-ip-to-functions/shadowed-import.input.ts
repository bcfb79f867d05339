import { ipAddress } from '@vercel/functions';
export function GET(request: Request) {
  const ipAddress = request.headers.get('x-real-ip');
  return new Response(ipAddress);
}
