import type { Handle, HandleServerError } from '@sveltejs/kit';
import { logEvent } from '$lib/server/events';

export const handle: Handle = async ({ event, resolve }) => {
  logEvent('request', { path: event.url.pathname }); // expect: fn/no-floating-background-promise
  const response = await resolve(event);
  return response;
};

export const handleError: HandleServerError = async ({ error, event }) => {
  fetch('https://errors.example.com/report', { method: 'POST', body: String(error) }); // expect: fn/no-floating-background-promise
  return { message: `Something went wrong on ${event.url.pathname}` };
};
