// Calls on the host's bindings object (Cloudflare's `env`: KV, R2, D1, Queues, …), where each
// framework hands it to a handler: known promises without type information.
import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';
import { withImport } from './wait-until-import.js';

const ruleTester = createRuleTester();
const at = (file: string): string => fixture('frameworks', file);

/** `code` with the floating call `target` reported: await it, hand it to `keeper` (when the file shows one), or to waitUntil. */
function floatingCall(filename: string, code: string, target: string, keeper?: string, messageId: 'floating' | 'chained' = 'floating') {
  return {
    filename,
    code,
    errors: [
      {
        messageId,
        suggestions: [
          { messageId: 'addAwait' as const, output: code.replace(target, `await ${target}`) },
          ...(keeper ? [{ messageId: 'wrapKeeper' as const, data: { callee: keeper }, output: code.replace(target, `${keeper}(${target})`) }] : []),
          { messageId: 'wrapWaitUntil' as const, output: withImport(code.replace(target, `waitUntil(${target})`)) },
        ],
      },
    ],
  };
}

const HONO = `import { Hono } from 'hono';\nconst app = new Hono();\n`;

ruleTester.run('no-floating-background-promise (platform bindings)', rule, {
  valid: [
    // Awaited, handed off, or kept.
    { filename: at('src/index.ts'), code: `${HONO}app.post('/', async (c) => { await c.env.LINKS.put('k', 'v'); return c.text('ok'); });` },
    { filename: at('src/index.ts'), code: `${HONO}app.post('/', (c) => { c.executionCtx.waitUntil(c.env.LINKS.put('k', 'v')); return c.text('ok'); });` },
    { filename: at('src/worker.ts'), code: `export default { async fetch(req, env, ctx) { ctx.waitUntil(env.QUEUE.send({ id: 1 })); return new Response(); } };` },
    // Results that are not promises, or not the same on every kind of binding.
    { filename: at('src/index.ts'), code: `${HONO}app.get('/', (c) => { c.env.ANALYTICS.writeDataPoint({ blobs: ['x'] }); return c.text('ok'); });` },
    { filename: at('src/index.ts'), code: `${HONO}app.get('/', (c) => { c.env.COUNTER.get(c.env.COUNTER.idFromName('x')); return c.text('ok'); });` },
    { filename: at('src/worker.ts'), code: `export default { async fetch(req, env) { env.DB.prepare('select 1').bind(1); return new Response(); } };` },
    // Not the handler's bindings: an inner `c` hides the parameter; a binding method without a binding name.
    { filename: at('src/index.ts'), code: `${HONO}app.get('/', (c) => { [1].forEach((c) => { c.env.LINKS.put('k', 'v'); }); return c.text('ok'); });` },
    { filename: at('src/index.ts'), code: `${HONO}app.get('/', (c) => { c.env.put('k', 'v'); return c.text('ok'); });` },
    // Outside a handler, and a function that only looks like one.
    { filename: at('src/index.ts'), code: `export function save(env) { env.LINKS.put('k', 'v'); }` },
    { filename: at('lib/util.ts'), code: `export default { fetch(req, env, ctx) { return env; } };\nfunction later(env) { env.KV.put('k', 'v'); }` },
    // SvelteKit's `platform.env` read off another object.
    { filename: at('src/routes/api/x/+server.ts'), code: `export const POST = async ({ locals }) => { locals.platform?.env.KV.put('k', 'v'); return new Response(); };` },
  ],
  invalid: [
    // Hono: KV put (the recall project's miss), with the keeper first.
    floatingCall(at('src/index.ts'), `${HONO}app.post('/', async (c) => { c.env.LINKS.put('k', 'v'); void c.executionCtx; return c.text('ok'); });`, `c.env.LINKS.put('k', 'v')`, 'c.executionCtx.waitUntil'),
    // Hono, typed context, R2 delete through a non-null assertion; JS without the keeper's evidence.
    floatingCall(
      at('src/index.ts'),
      `import { Hono, type Context } from 'hono';\nconst app = new Hono();\napp.delete('/:k', async (c: Context) => { c.env!.BUCKET.delete(c.req.param('k')); return c.body(null, 204); });`,
      `c.env!.BUCKET.delete(c.req.param('k'))`,
    ),
    {
      ...floatingCall(at('src/index.js'), `${HONO}app.post('/', async (c) => { c.env.QUEUE.sendBatch([]); return c.text('ok'); });`, `c.env.QUEUE.sendBatch([])`),
      languageOptions: jsLanguageOptions,
    },
    // Workers: D1 statement run, keeper from the third parameter.
    floatingCall(
      at('src/worker.ts'),
      `export default { async fetch(req, env, ctx) { env.DB.prepare('insert into t values (?)').bind(1).run(); return new Response(); } };`,
      `env.DB.prepare('insert into t values (?)').bind(1).run()`,
      'ctx.waitUntil',
    ),
    // SvelteKit: destructured `platform` (the keeper needs the file to mention `platform`, which it does).
    floatingCall(
      at('src/routes/api/x/+server.ts'),
      `export const POST = async ({ platform }) => { platform?.env.KV.put('k', 'v'); return new Response(); };`,
      `platform?.env.KV.put('k', 'v')`,
      'platform?.context?.waitUntil',
    ),
    // SvelteKit hook: `event.platform.env` inside `handle({ event, resolve })`.
    floatingCall(
      at('src/hooks.server.ts'),
      `export const handle = async ({ event, resolve }) => { event.platform.env.HITS.put(event.url.pathname, '1'); return resolve(event); };`,
      `event.platform.env.HITS.put(event.url.pathname, '1')`,
      'event.platform?.context?.waitUntil',
    ),
    // Remix on Cloudflare: `context.cloudflare.env`, aliased destructuring.
    floatingCall(
      at('app/routes/x.tsx'),
      `export async function action({ context: ctx }) { ctx.cloudflare.env.AI.run('@cf/model', {}); return null; }`,
      `ctx.cloudflare.env.AI.run('@cf/model', {})`,
      'ctx.cloudflare.ctx.waitUntil',
    ),
    // Nitro: `event.context.cloudflare.env`, keeper event.waitUntil.
    floatingCall(
      at('server/api/x.post.ts'),
      `export default defineEventHandler(async (event) => { event.context.cloudflare.env.KV.put('k', 'v'); return 'ok'; });`,
      `event.context.cloudflare.env.KV.put('k', 'v')`,
      'event.waitUntil',
    ),
    // Astro: `locals.runtime.env`.
    floatingCall(
      at('src/pages/api/x.ts'),
      `export const POST = async ({ locals }) => { locals.runtime.env.QUEUE.send('x'); return new Response(); };`,
      `locals.runtime.env.QUEUE.send('x')`,
      'locals.runtime.ctx.waitUntil',
    ),
    // `.then` on a binding call is a promise too (reported as a chain with no rejection handler).
    floatingCall(
      at('src/worker.ts'),
      `export default { async fetch(req, env, ctx) { env.KV.list().then(console.log); return new Response(); } };`,
      `env.KV.list().then(console.log)`,
      'ctx.waitUntil',
      'chained',
    ),
  ],
});

// Helpers handed the bindings: a parameter named `env`, or typed with a conventional bindings type.
ruleTester.run('no-floating-background-promise (bindings in helpers)', rule, {
  valid: [
    // Awaited in the helper; a parameter of another name and type; a non-binding method.
    { filename: at('src/index.ts'), code: `${HONO}async function save(env) { await env.LINKS.put('k', 'v'); }\napp.post('/', async (c) => { await save(c.env); return c.text('ok'); });` },
    { filename: at('src/index.ts'), code: `${HONO}function save(config) { config.LINKS.put('k', 'v'); }\napp.post('/', async (c) => { save(c.env); return c.text('ok'); });` },
    { filename: at('src/index.ts'), code: `${HONO}function save(env) { env.LINKS.get('k'); env.NAME.toUpperCase(); }\napp.post('/', async (c) => { save(c.env); return c.text('ok'); });` },
    // The same helper no handler calls: not checked.
    { filename: at('src/index.ts'), code: `function save(env) { env.LINKS.put('k', 'v'); }` },
  ],
  invalid: [
    {
      filename: at('src/index.ts'),
      code: `${HONO}function save(env) { env.LINKS.put('k', 'v'); }\napp.post('/', (c) => { save(c.env); return c.text('ok'); });`,
      errors: [
        {
          messageId: 'floating',
          data: { where: ' in `save` (called by `app.post(…) callback`)' },
          suggestions: [{ messageId: 'wrapWaitUntil', output: withImport(`${HONO}function save(env) { waitUntil(env.LINKS.put('k', 'v')); }\napp.post('/', (c) => { save(c.env); return c.text('ok'); });`) }],
        },
      ],
    },
    {
      filename: at('src/worker.ts'),
      code: `interface Env { Q: unknown }\nfunction enqueue(bindings: Env) { bindings.Q.send(1); }\nexport default { fetch(req: Request, env: Env) { enqueue(env); return new Response(); } };`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [{ messageId: 'wrapWaitUntil', output: withImport(`interface Env { Q: unknown }\nfunction enqueue(bindings: Env) { waitUntil(bindings.Q.send(1)); }\nexport default { fetch(req: Request, env: Env) { enqueue(env); return new Response(); } };`) }],
        },
      ],
    },
  ],
});

// Helpers of another module handed the bindings (project index).
ruleTester.run('no-floating-background-promise (bindings in imported helpers)', rule, {
  valid: [
    { filename: at('src/index.ts'), code: `${HONO}import { storeLink } from './lib/links';\napp.post('/', async (c) => { await storeLink(c.env, 'a', 'b'); return c.text('ok'); });` },
  ],
  invalid: [
    floatingCall(at('src/index.ts'), `${HONO}import { storeLink } from './lib/links';\napp.post('/', async (c) => { storeLink(c.env, 'a', 'b'); return c.text('ok'); });`, `storeLink(c.env, 'a', 'b')`),
    {
      filename: at('src/index.ts'),
      code: `${HONO}import { countHit } from './lib/links';\napp.get('/:slug', async (c) => { countHit(c.env, 'a'); return c.text('ok'); });`,
      errors: [{ messageId: 'dropsWork', data: { callee: 'countHit', where: '', spot: 'src/lib/links.ts:13' } }],
    },
  ],
});
