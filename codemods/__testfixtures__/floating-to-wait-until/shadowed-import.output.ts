import { waitUntil, waitUntil as waitUntilFn } from '@vercel/functions';

export default {
  async fetch(request: Request, env: unknown, { waitUntil }: { waitUntil(p: Promise<unknown>): void }) {
    waitUntilFn(fetch(request.url));
    waitUntil(Promise.resolve());
    return new Response('ok');
  },
};
