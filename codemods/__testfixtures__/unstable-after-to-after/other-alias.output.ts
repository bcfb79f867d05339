import { after as later } from 'next/server';

export async function GET() {
  later(() => {});
  return new Response('ok');
}
