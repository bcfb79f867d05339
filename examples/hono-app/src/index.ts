import { Hono } from 'hono';
import { recordRequest } from './lib/analytics';
import type { Env } from './lib/env';
import { events } from './routes/events';
import { feedback } from './routes/feedback';
import { health } from './routes/health';

const app = new Hono<Env>();

// One metrics line per request, sent after the response: the Worker keeps running for it.
app.use('*', async (c, next) => {
  await next();
  c.executionCtx.waitUntil(recordRequest(c.env.INGEST_URL, c.req.method, c.req.path, c.res.status));
});

app.route('/events', events);
app.route('/feedback', feedback);
app.route('/health', health);

export default app;
