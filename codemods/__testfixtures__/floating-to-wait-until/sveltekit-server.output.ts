import { waitUntil } from '@vercel/functions';

export const POST = async ({ request }) => {
  waitUntil(fetch('https://example.com/log', { method: 'POST', body: await request.text() }));
  return new Response('ok');
};
