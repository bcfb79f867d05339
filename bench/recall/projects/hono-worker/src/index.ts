import { Hono } from 'hono';
import { links } from './routes/links';

type Bindings = { ANALYTICS_URL: string };

const app = new Hono<{ Bindings: Bindings }>();

app.use('*', async (c, next) => {
  const ip = c.req.header('x-real-ip'); // expect: fn/prefer-ip-address
  c.executionCtx.waitUntil(fetch(c.env.ANALYTICS_URL, { method: 'POST', body: JSON.stringify({ ip, path: c.req.path }) })); // expect-none
  await next();
});

app.get('/health', (c) => c.text('ok'));

app.post('/events', async (c) => {
  const body = await c.req.json();
  fetch(c.env.ANALYTICS_URL, { method: 'POST', body: JSON.stringify(body) }); // expect: fn/no-floating-background-promise
  return c.body(null, 204);
});

app.route('/l', links);

export default app;
