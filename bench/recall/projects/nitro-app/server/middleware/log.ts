import { audit } from '../utils/audit';

export default defineEventHandler((event) => {
  const ua = getHeader(event, 'user-agent');
  audit('request', { path: event.path, ua }).catch(() => undefined); // expect: fn/no-floating-background-promise
});
