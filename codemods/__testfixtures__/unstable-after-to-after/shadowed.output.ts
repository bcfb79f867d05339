import { after as nextAfter } from 'next/server';

export async function GET() {
  const after = (f: () => void) => f();
  nextAfter(() => after(() => {}));
  return new Response('ok');
}
