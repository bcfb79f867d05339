import { waitUntil } from '@vercel/functions';

export async function DELETE() {
  waitUntil(fetch('https://example.com/purge', { method: 'POST' }));
  return new Response(null, { status: 204 });
}
