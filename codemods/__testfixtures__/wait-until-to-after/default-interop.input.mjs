import functions from '@vercel/functions';

export async function GET() {
  functions.waitUntil(Promise.resolve());
  return new Response('ok');
}
