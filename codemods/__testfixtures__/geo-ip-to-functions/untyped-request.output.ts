import { ipAddress } from '@vercel/functions';

// Not a NextRequest: `geo` here is the caller's own data.
export function handler(req: { geo: string; ip: string }) {
  return req.geo + req.ip;
}
export function middleware(request: NextRequest) {
  const ip = ipAddress(request);
  return ip;
}
