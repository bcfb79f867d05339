import { after } from 'next/server';

export async function GET() {
  after(() => console.log('done'));
  after(Promise.resolve());
  return new Response('ok');
}
