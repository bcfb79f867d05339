import { waitUntil } from '@vercel/functions';

const after = 'cursor';

export async function GET() {
  waitUntil(Promise.resolve(after));
  return new Response('ok');
}
