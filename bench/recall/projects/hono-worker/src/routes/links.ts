import { Hono } from 'hono';
import { recordHit } from '../lib/hits';
import { notifySlack } from '../lib/slack';

type Bindings = { SLACK_WEBHOOK: string; LINKS: KVNamespace; HITS: KVNamespace };

export const links = new Hono<{ Bindings: Bindings }>();

links.get('/:slug', async (c) => {
  const target = await c.env.LINKS.get(c.req.param('slug')); // expect-none
  if (!target) return c.notFound();
  recordHit(c.env, c.req.param('slug')); // expect: fn/no-floating-background-promise
  c.executionCtx.waitUntil(notifySlack(c.env.SLACK_WEBHOOK, `hit ${c.req.param('slug')}`)); // expect-none
  fetch('https://stats.example.com/hit', { method: 'POST', body: c.req.param('slug') }); // expect: fn/no-floating-background-promise
  return c.redirect(target, 302);
});

links.post('/', async (c) => {
  const { slug, url } = await c.req.json<{ slug: string; url: string }>();
  c.env.LINKS.put(slug, url); // expect: fn/no-floating-background-promise
  notifySlack(c.env.SLACK_WEBHOOK, `new link ${slug}`); // expect: fn/no-floating-background-promise
  return c.json({ slug }, 201);
});
