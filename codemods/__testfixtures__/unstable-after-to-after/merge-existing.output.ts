import { after } from 'next/server';

export async function GET() {
  after(() => {});
  after(() => {});
  return new Response('ok');
}
