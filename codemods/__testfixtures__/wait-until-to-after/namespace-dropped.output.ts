import { track } from '../lib/track';
import { after } from 'next/server';

export async function GET() {
  after(track());
  return new Response('ok');
}
