import * as fns from '@vercel/functions';

export default {
  async fetch(request: Request) {
    fns.waitUntil(fetch('https://example.com/log', { method: 'POST', body: request.url }).then((r) => r.text()));
    fns.waitUntil(Promise.resolve());
    return new Response('hi');
  },
};
