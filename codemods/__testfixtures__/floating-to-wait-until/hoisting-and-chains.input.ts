export async function GET(request: Request) {
  sendLater(request.url);
  const started = save();
  started.finally(() => {});
  new Promise((resolve) => setTimeout(resolve, 10));
  (async () => {
    await fetch('https://example.com/iife');
  })();
  for (const url of ['a', 'b']) fetch(url);
  return new Response('ok');
}

function sendLater(url: string) {
  return fetch(url).then((r) => r.ok);
}

const save = async () => fetch('https://example.com/save');
