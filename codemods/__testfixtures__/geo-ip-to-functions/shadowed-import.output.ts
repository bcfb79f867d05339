import { ipAddress, ipAddress as ipAddressFn } from '@vercel/functions';
export function GET(request: Request) {
  const ipAddress = ipAddressFn(request);
  return new Response(ipAddress);
}
