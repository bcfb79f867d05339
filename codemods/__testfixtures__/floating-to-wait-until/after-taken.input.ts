import { waitUntil } from '@vercel/functions';

export async function POST(request: Request) {
  const after = 'later';
  fetch(`https://example.com/${after}`);
  waitUntil(Promise.resolve());
  return new Response(request.url);
}
