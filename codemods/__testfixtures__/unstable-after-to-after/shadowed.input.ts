import { unstable_after } from 'next/server';

export async function GET() {
  const after = (f: () => void) => f();
  unstable_after(() => after(() => {}));
  return new Response('ok');
}
