import { background } from '@/lib/background';
import { after } from 'next/server';

export async function POST(request: Request) {
  const body = await request.text();
  after(fetch('https://audit.example.com', { method: 'POST', body }));
  after(fetch('https://stats.example.com', { method: 'POST', body }));
  // A wrapper is the project's own function: left as it is.
  background(fetch('https://log.example.com', { method: 'POST', body }));
  return new Response('ok');
}
