import { waitUntil } from '@vercel/functions';

export async function GET() {
  return new Response('ok');
}
