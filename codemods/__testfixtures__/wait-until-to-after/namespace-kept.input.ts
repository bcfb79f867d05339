import * as fns from '@vercel/functions';

export async function GET() {
  fns.waitUntil(Promise.resolve(fns.getEnv().VERCEL_REGION));
  return new Response('ok');
}
