// An optional catch binding (ES2019): scope look-ups from inside `catch {}` must not crash.
import { waitUntil } from '@vercel/functions';

export async function POST(request: Request) {
  try {
    await request.json();
  } catch {
    fetch('https://logs.example.com/bad-body');
    return new Response('bad body', { status: 400 });
  }
  try {
    waitUntil(fetch('https://logs.example.com/ok'));
  } catch (error) {
    fetch('https://logs.example.com/error?' + String(error));
  }
  return new Response('ok');
}
