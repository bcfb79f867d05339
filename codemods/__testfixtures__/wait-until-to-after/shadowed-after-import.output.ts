import { after, after as nextAfter } from 'next/server';
export async function POST() {
  const after = (x: unknown) => x;
  nextAfter(fetch('https://a'));
  return new Response(String(after));
}
