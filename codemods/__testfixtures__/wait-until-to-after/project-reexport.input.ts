import { waitUntil, background } from '@/lib/background';
import * as api from '@/lib/api';

export async function POST(request: Request) {
  const body = await request.text();
  waitUntil(fetch('https://audit.example.com', { method: 'POST', body }));
  api.waitUntil(fetch('https://stats.example.com', { method: 'POST', body }));
  // A wrapper is the project's own function: left as it is.
  background(fetch('https://log.example.com', { method: 'POST', body }));
  return new Response('ok');
}
