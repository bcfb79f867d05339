import { Hono } from 'hono';

const app = new Hono();

app.post('/track', async (c) => {
  c.executionCtx.waitUntil(fetch('https://example.com/log', { method: 'POST' }));
  c.executionCtx.waitUntil(Promise.resolve());
  return c.text('ok');
});

export default app;
