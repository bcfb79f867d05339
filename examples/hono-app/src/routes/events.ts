import { Hono } from 'hono';
import { forwardBatch, type EventBatch } from '../lib/analytics';
import type { Env } from '../lib/env';
import { notifySlack } from '../lib/slack';

export const events = new Hono<Env>();

// POST /events: one batch from the mobile app.
events.post('/', async (c) => {
  const batch = await c.req.json<EventBatch>();
  const ip = c.req.header('x-real-ip');
  fetch(c.env.INGEST_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...batch, ip }),
  });
  return c.json({ accepted: batch.events.length }, 202);
});

// POST /events/bulk: batches queued while the app was offline.
events.post('/bulk', async (c) => {
  const batches = await c.req.json<EventBatch[]>();
  c.executionCtx.waitUntil(Promise.all(batches.map((batch) => forwardBatch(c.env.INGEST_URL, batch))));
  return c.json({ accepted: batches.length }, 202);
});

// POST /events/crash: a crash report; the on-call channel hears about it too.
events.post('/crash', async (c) => {
  const report = await c.req.json<{ deviceId: string; stack: string }>();
  await forwardBatch(c.env.INGEST_URL, { deviceId: report.deviceId, events: [{ name: 'crash', at: Date.now(), props: { stack: report.stack } }] });
  notifySlack(c.env.SLACK_WEBHOOK, `Crash on device ${report.deviceId}`).catch((error) => console.error('slack', error));
  return c.body(null, 204);
});
