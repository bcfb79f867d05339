import { unstable_after as after } from 'next/server';

export async function GET() {
  after(() => {});
  return new Response('ok');
}
