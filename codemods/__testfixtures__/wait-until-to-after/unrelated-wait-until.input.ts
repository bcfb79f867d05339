import { waitUntil } from './my-queue';
import { getEnv } from '@vercel/functions';

export async function GET() {
  waitUntil(getEnv().VERCEL_URL);
  return new Response('ok');
}
