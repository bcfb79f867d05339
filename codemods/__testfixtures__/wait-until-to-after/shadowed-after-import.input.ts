import { waitUntil } from '@vercel/functions';
import { after } from 'next/server';
export async function POST() {
  const after = (x: unknown) => x;
  waitUntil(fetch('https://a'));
  return new Response(String(after));
}
