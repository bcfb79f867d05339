import { waitUntil } from '@fn-kit/functions';

export const POST = async (req: Request) => {
  waitUntil(fetch('https://example.com/already'));
  waitUntil(fetch('https://example.com/later'));
  return new Response(null, { status: 204 });
};
