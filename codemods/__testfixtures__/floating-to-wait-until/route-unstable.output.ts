import { unstable_after as after } from 'next/server';

export async function GET() {
  after(Promise.all([fetch('https://a.example.com'), fetch('https://b.example.com')]));
  return new Response('ok');
}
