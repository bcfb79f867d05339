import { waitUntil } from '@vercel/functions';

export default {
  async fetch(request: Request, env: unknown, { waitUntil }: { waitUntil(p: Promise<unknown>): void }) {
    fetch(request.url);
    waitUntil(Promise.resolve());
    return new Response('ok');
  },
};
