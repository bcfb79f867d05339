import { json, type RequestHandler } from '@sveltejs/kit';
import { logEvent } from '$lib/server/events';

export const POST: RequestHandler = async ({ request, platform }) => {
  const body = await request.json();
  logEvent('track', body); // expect: fn/no-floating-background-promise
  platform?.context?.waitUntil(logEvent('track.kept', body)); // expect-none
  return json({ ok: true });
};

export const GET: RequestHandler = async (event) => {
  event.platform?.ctx.waitUntil(fetch('https://example.com/warm')); // expect-none
  fetch('https://example.com/ping'); // expect: fn/no-floating-background-promise
  return new Response('ok');
};
