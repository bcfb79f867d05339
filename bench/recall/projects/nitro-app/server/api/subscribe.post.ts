import { audit } from '../utils/audit';

export default defineEventHandler(async (event) => {
  const body = await readBody<{ email: string }>(event);
  const ip = getRequestHeader(event, 'x-real-ip'); // expect: fn/prefer-ip-address
  audit('subscribe', { email: body.email, ip }); // expect: fn/no-floating-background-promise
  event.waitUntil(audit('subscribe.kept', body)); // expect-none
  fetch('https://hooks.example.com/new-subscriber', { method: 'POST', body: body.email }); // expect: fn/no-floating-background-promise
  return { ok: true };
});
