import { Hono } from 'hono';
import { clientIp } from '../lib/client';
import type { Env } from '../lib/env';
import { deleteFeedback, saveFeedback } from '../lib/feedback-store';
import { notifySlack } from '../lib/slack';

export const feedback = new Hono<Env>();

// POST /feedback: a message and a rating from the app's feedback form.
feedback.post('/', async (c) => {
  const { message, rating } = await c.req.json<{ message: string; rating: number }>();
  const country = c.req.header('x-vercel-ip-country');
  const city = c.req.header('x-vercel-ip-city');
  const id = await saveFeedback(c.env.DB, { message, rating, country, city });
  notifySlack(c.env.SLACK_WEBHOOK, `New feedback #${id} (${rating}/5) from ${city ?? 'somewhere'}: ${message}`);
  return c.json({ id }, 201);
});

// DELETE /feedback/:id: the user takes it back.
feedback.delete('/:id', async (c) => {
  const id = Number(c.req.param('id'));
  if (!(await deleteFeedback(c.env.DB, id))) return c.notFound();
  c.executionCtx.waitUntil(notifySlack(c.env.SLACK_WEBHOOK, `Feedback #${id} was withdrawn (${clientIp(c) ?? 'unknown IP'})`));
  return c.body(null, 204);
});
