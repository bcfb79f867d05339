import * as fns from '@vercel/functions';
import { track } from '../lib/track';

export async function GET() {
  fns.waitUntil(track());
  return new Response('ok');
}
