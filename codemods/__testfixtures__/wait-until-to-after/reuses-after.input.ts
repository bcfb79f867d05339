import { after } from 'next/server';
import { waitUntil } from '@fn-kit/functions';

export async function GET() {
  after(() => console.log('done'));
  waitUntil(Promise.resolve());
  return new Response('ok');
}
