import { unstable_after } from 'next/server';

const after = 'a local after';

export async function GET() {
  unstable_after(() => console.log(after));
  return new Response('ok');
}
