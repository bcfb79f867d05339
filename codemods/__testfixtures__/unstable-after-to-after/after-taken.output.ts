import { after as nextAfter } from 'next/server';

const after = 'a local after';

export async function GET() {
  nextAfter(() => console.log(after));
  return new Response('ok');
}
