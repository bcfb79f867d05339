import { after as nextAfter } from 'next/server';

const after = 'cursor';

export async function GET() {
  nextAfter(Promise.resolve(after));
  return new Response('ok');
}
