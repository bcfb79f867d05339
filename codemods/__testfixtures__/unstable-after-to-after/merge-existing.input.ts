import { after } from 'next/server';
import { unstable_after } from 'next/server';

export async function GET() {
  after(() => {});
  unstable_after(() => {});
  return new Response('ok');
}
