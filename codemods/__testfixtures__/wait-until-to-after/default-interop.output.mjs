import { after } from 'next/server';

export async function GET() {
  after(Promise.resolve());
  return new Response('ok');
}
