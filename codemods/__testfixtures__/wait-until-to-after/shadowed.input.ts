import { waitUntil } from '@vercel/functions';

export async function GET() {
  waitUntil(Promise.resolve());
  return new Response('ok');
}

export function withContext(waitUntil: (p: Promise<unknown>) => void) {
  waitUntil(Promise.resolve());
}
