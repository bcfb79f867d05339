import { after } from 'next/server';

export async function GET() {
  after(Promise.resolve());
  return new Response('ok');
}

export function withContext(waitUntil: (p: Promise<unknown>) => void) {
  waitUntil(Promise.resolve());
}
