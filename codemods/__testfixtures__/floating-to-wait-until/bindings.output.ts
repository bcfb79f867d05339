import { Hono } from 'hono';

type Bindings = { LINKS: KVNamespace; QUEUE: Queue; HITS: AnalyticsEngineDataset; COUNTER: DurableObjectNamespace };

const app = new Hono<{ Bindings: Bindings }>();

app.post('/links', async (c) => {
  const { slug, url } = await c.req.json();
  // KV and Queues calls are promises: handed to the host's keeper.
  c.executionCtx.waitUntil(c.env.LINKS.put(slug, url));
  c.executionCtx.waitUntil(c.env.QUEUE.send({ slug }));
  // Not promises, or not on every kind of binding: left as they are.
  c.env.HITS.writeDataPoint({ blobs: [slug] });
  c.env.COUNTER.get(c.env.COUNTER.idFromName(slug));
  c.executionCtx.waitUntil(Promise.resolve());
  return c.json({ slug }, 201);
});

function later(env: Bindings) {
  // Not a handler: left alone.
  env.LINKS.put('k', 'v');
}

export default {
  fetch: app.fetch,
  async scheduled(event: unknown, env: Bindings) {
    later(env);
  },
};
