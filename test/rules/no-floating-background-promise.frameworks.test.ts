import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';
import { W, withImport } from './wait-until-import.js';

const ruleTester = createRuleTester();
const at = (file: string): string => fixture('frameworks', file);

/** One floating `fetch('/x')` in an async handler: await it, or hand it to waitUntil. */
function floating(filename: string, code: string, messageId: 'floating' | 'voided' = 'floating') {
  const target = messageId === 'voided' ? "void fetch('/x')" : "fetch('/x')";
  return {
    filename,
    code,
    errors: [
      {
        messageId,
        suggestions: [
          { messageId: 'addAwait' as const, output: code.replace(target, "await fetch('/x')") },
          { messageId: 'wrapWaitUntil' as const, output: withImport(code.replace(target, "waitUntil(fetch('/x'))")) },
        ],
      },
    ],
  };
}

ruleTester.run('no-floating-background-promise (frameworks)', rule, {
  valid: [
    // Hand-offs to the hosts' own keepers.
    { filename: at('src/index.ts'), code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => { c.executionCtx.waitUntil(fetch('/x')); return c.text('ok'); });` },
    { filename: at('src/index.ts'), code: `export default { fetch(req, env, ctx) { const p = fetch('/x'); ctx.waitUntil(p); return new Response('ok'); } };` },
    { filename: at('src/routes/api/x/+server.ts'), code: `export const POST = async (event) => { event.platform?.context?.waitUntil(fetch('/x')); return new Response(); };` },
    { filename: at('server/api/x.post.ts'), code: `export default defineEventHandler((event) => { event.waitUntil(fetch('/x')); return 'ok'; });` },
    // Traps: not route callbacks / not server code.
    { filename: at('src/index.ts'), code: `const cache = new Map();\nexport function setup() { cache.get('/x', () => { fetch('/y'); }); }` },
    { filename: at('src/index.ts'), code: `import axios from 'axios';\naxios.get('/x', { onDone: () => { fetch('/y'); } });` },
    { filename: at('app/routes/x.tsx'), code: `export async function clientLoader() { fetch('/x'); return null; }` },
    { filename: at('src/routes/x/+page.ts'), code: `export async function load() { fetch('/x'); return {}; }` },
    { filename: at('lib/util.ts'), code: `export function handle() { fetch('/x'); }\nexport function loader() { fetch('/y'); }` },
    { filename: at('app/routes/x.tsx'), code: `'use client';\nexport async function loader() { fetch('/x'); return null; }` },
    { filename: at('server/api/x.ts'), code: `const defineEventHandler = (f) => f;\nexport const h = defineEventHandler(() => { fetch('/x'); });` },
  ],
  invalid: [
    // Hono (aliased import): keeper first (the file uses executionCtx), then waitUntil.
    {
      filename: at('src/index.ts'),
      code: `import { Hono as App } from 'hono';\nconst app = new App().basePath('/api');\napp.post('/x', async (c) => { fetch('/log'); void c.executionCtx; return c.text('ok'); });`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `import { Hono as App } from 'hono';\nconst app = new App().basePath('/api');\napp.post('/x', async (c) => { await fetch('/log'); void c.executionCtx; return c.text('ok'); });` },
            { messageId: 'wrapKeeper', data: { callee: 'c.executionCtx.waitUntil' }, output: `import { Hono as App } from 'hono';\nconst app = new App().basePath('/api');\napp.post('/x', async (c) => { c.executionCtx.waitUntil(fetch('/log')); void c.executionCtx; return c.text('ok'); });` },
            { messageId: 'wrapWaitUntil', data: { callee: 'waitUntil' }, output: `import { Hono as App } from 'hono';\n${W}const app = new App().basePath('/api');\napp.post('/x', async (c) => { waitUntil(fetch('/log')); void c.executionCtx; return c.text('ok'); });` },
          ],
        },
      ],
    },
    // Express (JS, router, named handler passed by reference).
    {
      ...floating(at('src/index.js'), `import express from 'express';\nconst router = express.Router();\nasync function save(req, res) { fetch('/x'); res.send('ok'); }\nrouter.post('/x', save);`),
      languageOptions: jsLanguageOptions,
    },
    // Remix loader; SvelteKit load and actions; hooks.server handle; Astro endpoint and middleware.
    floating(at('app/routes/x.tsx'), `export async function loader() { void fetch('/x'); return null; }`, 'voided'),
    floating(at('src/routes/x/+page.server.ts'), `export const actions = { default: async () => { fetch('/x'); } };`),
    floating(at('src/routes/x/+layout.server.js'), `export const load = async () => { fetch('/x'); return {}; };`),
    floating(at('src/hooks.server.ts'), `export const handle = async ({ event, resolve }) => { fetch('/x'); return resolve(event); };`),
    floating(at('src/pages/api/x.ts'), `export const ALL = async () => { fetch('/x'); return new Response(); };`),
    floating(at('src/middleware.ts'), `import { defineMiddleware } from 'astro:middleware';\nexport const onRequest = defineMiddleware(async (context, next) => { fetch('/x'); return next(); });`),
    // h3 / Nitro auto-imported, keeper event.waitUntil first.
    {
      filename: at('server/routes/x.ts'),
      code: `export default defineEventHandler({ handler: async (event) => { fetch('/x'); return 'ok'; } });`,
      errors: [{ messageId: 'floating', suggestions: [
        { messageId: 'addAwait', output: `export default defineEventHandler({ handler: async (event) => { await fetch('/x'); return 'ok'; } });` },
        { messageId: 'wrapKeeper', output: `export default defineEventHandler({ handler: async (event) => { event.waitUntil(fetch('/x')); return 'ok'; } });` },
        { messageId: 'wrapWaitUntil', output: `${W}export default defineEventHandler({ handler: async (event) => { waitUntil(fetch('/x')); return 'ok'; } });` },
      ] }],
    },
    // Fastify plugin parameter typed with the package's type; Koa.
    floating(at('src/routes.ts'), `import type { FastifyInstance } from 'fastify';\nexport default async function routes(server: FastifyInstance) { server.get('/', async () => { fetch('/x'); return 'ok'; }); }`),
    floating(at('src/app.ts'), `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { fetch('/x'); ctx.body = 'ok'; });`),
    // Workers: keeper from the third parameter.
    {
      filename: at('src/worker.ts'),
      code: `export default { async fetch(req, env, ctx) { fetch('/x'); return new Response(); } };`,
      errors: [{ messageId: 'floating', suggestions: [
        { messageId: 'addAwait', output: `export default { async fetch(req, env, ctx) { await fetch('/x'); return new Response(); } };` },
        { messageId: 'wrapKeeper', output: `export default { async fetch(req, env, ctx) { ctx.waitUntil(fetch('/x')); return new Response(); } };` },
        { messageId: 'wrapWaitUntil', output: `${W}export default { async fetch(req, env, ctx) { waitUntil(fetch('/x')); return new Response(); } };` },
      ] }],
    },
  ],
});
