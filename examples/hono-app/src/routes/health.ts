import { geolocation, ipAddress } from '@vercel/functions';
import { Hono } from 'hono';
import type { Env } from '../lib/env';

export const health = new Hono<Env>();

health.get('/', (c) => c.json({ ok: true }));

// GET /health/whoami: what the API sees of the caller (support asks for it).
health.get('/whoami', (c) => {
  const { country, city } = geolocation(c.req.raw);
  return c.json({ ip: ipAddress(c.req.raw) ?? null, country: country ?? null, city: city ?? null });
});

// GET /health/deep: is the ingest service reachable?
health.get('/deep', async (c) => {
  const res = await fetch(`${c.env.INGEST_URL}/ping`);
  return c.json({ ingest: res.ok }, res.ok ? 200 : 503);
});
