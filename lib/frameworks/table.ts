/**
 * The framework table: every shape of request-handling code fn-kit knows beyond Next.js's
 * own (lib/handler-policy.ts keeps those), and each host's own keeper of background work.
 * Read by both AST flavours (rules/utils/request-handlers.ts, codemods/utils/request-handlers.ts):
 * a new framework is one entry here.
 */
import type { CallShape, ExportShape, Keeper, ParamPath, RouterShape } from './types.js';

const SOURCE = '{js,jsx,ts,tsx,mjs,mts,cjs,cts}';
const SCRIPT = '{js,ts,mjs,mts}';

/** Cloudflare Workers' `ctx` and Next/Vercel middleware's `event` / `context`: `x.waitUntil(p)`. */
export const WORKERS_KEEPER: Keeper = { param: 2, member: 'waitUntil' };
export const MIDDLEWARE_KEEPER: Keeper = { param: 1, member: 'waitUntil' };
/** A Workers `fetch(request, env, ctx)`: the bindings are the second parameter itself. */
export const WORKERS_BINDINGS: ParamPath = { param: 1, member: '' };

/**
 * Next.js / Vercel / Workers-style handlers get the platform's request first
 * (`GET(request)`, `middleware(request, event)`, `(req, res)`, `fetch(request, env, ctx)`).
 */
export const PLATFORM_REQUEST_PARAM = 0;

/**
 * Servers whose request object has a `waitUntil` of its own (srvx's `ServerRequest`, which
 * h3 2 and Nitro 3 hand to `fetch` handlers): in a file importing one (exact, or a prefix
 * ending in `/`), a handler's request is not taken for the platform's.
 */
export const REQUEST_KEEPER_MODULES: readonly string[] = ['srvx', 'h3', 'nitro', 'nitro/'];

/** SvelteKit hands Cloudflare's / Netlify's context on `event.platform.context`. */
const SVELTEKIT_EVENT_KEEPER: Keeper = { param: 0, member: 'platform?.context?.waitUntil', evidence: 'platform' };
const SVELTEKIT_HOOK_KEEPER: Keeper = { param: 0, member: 'event.platform?.context?.waitUntil', evidence: 'platform' };
/** Cloudflare's bindings as each framework's adapter hands them to a handler. */
const SVELTEKIT_EVENT_BINDINGS: ParamPath = { param: 0, member: 'platform?.env' };
const SVELTEKIT_HOOK_BINDINGS: ParamPath = { param: 0, member: 'event.platform?.env' };
const REMIX_BINDINGS: ParamPath = { param: 0, member: 'context.cloudflare.env' };
const ASTRO_BINDINGS: ParamPath = { param: 0, member: 'locals.runtime.env' };

export const EXPORT_SHAPES: readonly ExportShape[] = [
  {
    // Route modules: loader/action run on the server; clientLoader/clientAction in the browser.
    framework: 'remix',
    files: [`**/app/routes/**/*.${SOURCE}`, `**/app/root.${SOURCE}`],
    excludeFiles: ['**/*.client.*'],
    importedFrom: [
      '@remix-run/node',
      '@remix-run/cloudflare',
      '@remix-run/deno',
      '@remix-run/server-runtime',
      '@vercel/remix',
      '@react-router/node',
      '@react-router/cloudflare',
      './+types/',
    ],
    exports: {
      loader: { framework: 'remix', kind: 'loader', keeper: { param: 0, member: 'context.cloudflare.ctx.waitUntil', evidence: 'cloudflare' }, bindings: REMIX_BINDINGS },
      action: { framework: 'remix', kind: 'action', keeper: { param: 0, member: 'context.cloudflare.ctx.waitUntil', evidence: 'cloudflare' }, bindings: REMIX_BINDINGS },
    },
  },
  {
    framework: 'sveltekit',
    files: [`**/src/routes/**/+server.${SCRIPT}`],
    exports: Object.fromEntries(
      ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'].map((m) => [
        m,
        { framework: 'sveltekit', kind: 'route', keeper: SVELTEKIT_EVENT_KEEPER, bindings: SVELTEKIT_EVENT_BINDINGS },
      ]),
    ),
  },
  {
    // `+page.ts` / `+layout.ts` (universal load) also run in the browser: not here.
    framework: 'sveltekit',
    files: [`**/src/routes/**/+page.server.${SCRIPT}`, `**/src/routes/**/+layout.server.${SCRIPT}`],
    exports: {
      load: { framework: 'sveltekit', kind: 'loader', keeper: SVELTEKIT_EVENT_KEEPER, bindings: SVELTEKIT_EVENT_BINDINGS },
      actions: { framework: 'sveltekit', kind: 'action', keeper: SVELTEKIT_EVENT_KEEPER, bindings: SVELTEKIT_EVENT_BINDINGS, objectOfHandlers: true },
    },
  },
  {
    framework: 'sveltekit',
    files: [`**/src/hooks.server.${SCRIPT}`, `**/src/hooks.server/index.${SCRIPT}`],
    exports: {
      handle: { framework: 'sveltekit', kind: 'hook', keeper: SVELTEKIT_HOOK_KEEPER, bindings: SVELTEKIT_HOOK_BINDINGS },
      handleFetch: { framework: 'sveltekit', kind: 'hook', keeper: SVELTEKIT_HOOK_KEEPER, bindings: SVELTEKIT_HOOK_BINDINGS },
      handleError: { framework: 'sveltekit', kind: 'hook', keeper: SVELTEKIT_HOOK_KEEPER, bindings: SVELTEKIT_HOOK_BINDINGS },
    },
  },
  {
    framework: 'astro',
    files: [`**/src/pages/**/*.${SCRIPT}`],
    exports: Object.fromEntries(
      ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ALL'].map((m) => [
        m,
        { framework: 'astro', kind: 'route', keeper: { param: 0, member: 'locals.runtime.ctx.waitUntil', evidence: 'runtime' }, bindings: ASTRO_BINDINGS },
      ]),
    ),
  },
  {
    framework: 'astro',
    files: [`**/src/middleware.${SCRIPT}`, `**/src/middleware/index.${SCRIPT}`],
    exports: {
      onRequest: { framework: 'astro', kind: 'middleware', keeper: { param: 0, member: 'locals.runtime.ctx.waitUntil', evidence: 'runtime' }, bindings: ASTRO_BINDINGS },
    },
  },
];

export const CALL_SHAPES: readonly CallShape[] = [
  {
    framework: 'nitro',
    kind: 'event-handler',
    callees: ['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler', 'defineHandler'],
    modules: ['h3', 'nitropack', 'nitropack/runtime', 'nitro', 'nitro/runtime', 'nitro/h3', '#imports'],
    // Nuxt and Nitro auto-import these in server code.
    autoImported: ['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler'],
    handlerProperties: ['handler'],
    keeper: { param: 0, member: 'waitUntil' },
    // Nitro's cloudflare presets put the bindings on the event's context.
    bindings: { param: 0, member: 'context.cloudflare.env' },
  },
];

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'];

export const ROUTER_SHAPES: readonly RouterShape[] = [
  {
    framework: 'hono',
    modules: ['hono', 'hono/tiny', 'hono/quick'],
    creators: [{ export: 'Hono', call: 'new' }],
    routeMethods: [...HTTP_METHODS, 'use', 'on'],
    chainMethods: ['basePath', 'route'],
    receiverNames: ['app', 'api', 'router'],
    keeper: { param: 0, member: 'executionCtx.waitUntil', evidence: 'executionCtx' },
    bindings: { param: 0, member: 'env' },
  },
  {
    framework: 'express',
    modules: ['express'],
    creators: [
      { export: 'default', call: 'call' },
      { export: 'default', member: 'Router', call: 'either' },
      { export: 'Router', call: 'either' },
    ],
    routeMethods: [...HTTP_METHODS, 'use', 'param'],
    chainMethods: ['route'],
    receiverNames: ['app', 'router', 'api'],
  },
  {
    framework: 'fastify',
    modules: ['fastify'],
    creators: [
      { export: 'default', call: 'call' },
      { export: 'fastify', call: 'call' },
    ],
    routeMethods: [...HTTP_METHODS, 'route', 'addHook'],
    chainMethods: [],
    receiverNames: ['fastify', 'app', 'server', 'instance'],
    handlerProperties: ['handler', 'preHandler', 'onRequest', 'preValidation'],
  },
  {
    framework: 'koa',
    modules: ['koa'],
    creators: [{ export: 'default', call: 'new' }],
    routeMethods: ['use'],
    chainMethods: [],
    receiverNames: ['app'],
  },
  {
    framework: 'koa',
    modules: ['@koa/router', 'koa-router'],
    creators: [{ export: 'default', call: 'new' }, { export: 'Router', call: 'new' }],
    routeMethods: [...HTTP_METHODS, 'use', 'param'],
    chainMethods: ['prefix'],
    receiverNames: ['router'],
  },
];
