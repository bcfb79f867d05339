'use server';

import { ipAddress } from '@vercel/functions';

export async function a(request: Request) {
  return ipAddress(request);
}
