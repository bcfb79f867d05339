import { waitUntil } from '@vercel/functions';
import { after as nextAfter } from 'next/server';

export async function POST(request: Request) {
  const after = 'later';
  nextAfter(fetch(`https://example.com/${after}`));
  waitUntil(Promise.resolve());
  return new Response(request.url);
}
