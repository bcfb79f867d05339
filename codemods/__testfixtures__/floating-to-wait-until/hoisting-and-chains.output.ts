import { waitUntil } from '@vercel/functions';

export async function GET(request: Request) {
  waitUntil(sendLater(request.url));
  const started = save();
  waitUntil(started.finally(() => {}));
  waitUntil(new Promise((resolve) => setTimeout(resolve, 10)));
  waitUntil((async () => {
    await fetch('https://example.com/iife');
  })());
  for (const url of ['a', 'b']) waitUntil(fetch(url));
  return new Response('ok');
}

function sendLater(url: string) {
  return fetch(url).then((r) => r.ok);
}

const save = async () => fetch('https://example.com/save');
