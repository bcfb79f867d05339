import rule from '../../rules/valid-wait-until.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const route = fixture('next-14.2', 'app/api/track/route.ts');
const typedRoot = fixture('typed', '');
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedRoot } };

ruleTester.run('valid-wait-until', rule, {
  valid: [
    // A promise, inside a handler.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export async function POST() { waitUntil(fetch('https://example.com')); return new Response('ok'); }`,
    },
    // Aliased and namespace forms with a promise.
    {
      filename: route,
      code: `import { waitUntil as wu } from '@fn-kit/functions';
import * as fns from '@vercel/functions';
export function GET() { wu(track()); fns.waitUntil(track()); fns['waitUntil'](track()); }`,
    },
    // An invoked async function is a promise.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil((async () => { await log(); })()); }`,
    },
    // A local function named waitUntil is not the API.
    {
      filename: route,
      code: `function waitUntil(fn) { fn(); }
waitUntil(() => 1);
export function GET() { waitUntil(async () => {}); }`,
    },
    // Shadowed inside the handler: not the API either.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET(req, { waitUntil }) { waitUntil(async () => {}); }`,
    },
    // No API import at all (the rule bails out).
    { filename: route, code: `export function GET() { waitUntil(async () => {}); }` },
    // require forms, plain JS.
    {
      filename: fixture('next-14.2', 'api/hook.js'),
      languageOptions: jsLanguageOptions,
      code: `const { waitUntil } = require('@vercel/functions');
module.exports = function handler(req, res) { waitUntil(save(req)); res.end(); };`,
    },
    // An identifier that is not known to be a function (untyped): left alone.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { const p = makePromise(); waitUntil(p); }`,
    },
    // Instance field initialisers run per construction, not at module scope.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
class Job { started = waitUntil(run()); }`,
    },
    // Typed: a promise value and a thenable pass.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { waitUntil } from '@vercel/functions';
import { saveLater, enqueue } from '../../../lib/helpers.js';
export function POST() { waitUntil(saveLater('x')); waitUntil(enqueue('y')); }`,
    },
  ],
  invalid: [
    // async arrow: autofix to an invoked one.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(async () => { await log(); }); }`,
      output: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil((async () => { await log(); })()); }`,
      errors: [{ messageId: 'functionArgument', line: 2, column: 36 }],
    },
    // async function expression, aliased import, TSX file.
    {
      filename: fixture('next-14.2', 'app/page.tsx'),
      code: `import { waitUntil as keepAlive } from '@fn-kit/functions';
export function Page() { keepAlive(async function report() { await log(); }); return <div />; }`,
      output: `import { waitUntil as keepAlive } from '@fn-kit/functions';
export function Page() { keepAlive((async function report() { await log(); })()); return <div />; }`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // Namespace import, plain JS through espree.
    {
      filename: fixture('next-14.2', 'app/api/route.js'),
      languageOptions: jsLanguageOptions,
      code: `import * as fns from '@vercel/functions';
export function GET() { fns.waitUntil(async () => log()); }`,
      output: `import * as fns from '@vercel/functions';
export function GET() { fns.waitUntil((async () => log())()); }`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // require with a namespace binding.
    {
      filename: fixture('next-14.2', 'api/x.js'),
      languageOptions: jsLanguageOptions,
      code: `const fns = require('@vercel/functions');
module.exports = (req, res) => { fns.waitUntil(async () => { await log(); }); };`,
      output: `const fns = require('@vercel/functions');
module.exports = (req, res) => { fns.waitUntil((async () => { await log(); })()); };`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // TypeScript's import-equals require form is a namespace binding too.
    {
      filename: fixture('next-14.2', 'api/x.cts'),
      code: `import fns = require('@vercel/functions');
export = (req: unknown, res: unknown) => { fns.waitUntil(async () => { await log(); }); };`,
      output: `import fns = require('@vercel/functions');
export = (req: unknown, res: unknown) => { fns.waitUntil((async () => { await log(); })()); };`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // A non-async function: calling it may or may not give a promise, so only a suggestion.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(() => fetch('https://example.com')); }`,
      output: null,
      errors: [
        {
          messageId: 'functionArgument',
          suggestions: [
            {
              messageId: 'invokeFunction',
              output: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil((() => fetch('https://example.com'))()); }`,
            },
          ],
        },
      ],
    },
    // An async function with parameters: calling it without arguments may not be meant.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(async (id) => save(id)); }`,
      output: null,
      errors: [
        {
          messageId: 'functionArgument',
          suggestions: [
            {
              messageId: 'invokeFunction',
              output: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil((async (id) => save(id))()); }`,
            },
          ],
        },
      ],
    },
    // An async generator gives an iterator when called: no fix.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(async function* () { yield 1; }); }`,
      output: null,
      errors: [{ messageId: 'functionArgument', suggestions: [] }],
    },
    // A reference to a local function: suggestion to call it.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(flushLogs); }
async function flushLogs() {}`,
      output: null,
      errors: [
        {
          messageId: 'functionReference',
          data: { name: 'flushLogs' },
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(flushLogs()); }
async function flushLogs() {}`,
            },
          ],
        },
      ],
    },
    // A const arrow function and a member of a local object literal.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
const flush = async () => {};
const jobs = { send: async () => {} };
export function GET() { waitUntil(flush); waitUntil(jobs.send); }`,
      output: null,
      errors: [
        {
          messageId: 'functionReference',
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
const flush = async () => {};
const jobs = { send: async () => {} };
export function GET() { waitUntil(flush()); waitUntil(jobs.send); }`,
            },
          ],
        },
        {
          messageId: 'functionReference',
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
const flush = async () => {};
const jobs = { send: async () => {} };
export function GET() { waitUntil(flush); waitUntil(jobs.send()); }`,
            },
          ],
        },
      ],
    },
    // await waitUntil(...)
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export async function POST() { await waitUntil(save()); }`,
      output: null,
      errors: [
        {
          messageId: 'awaited',
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `import { waitUntil } from '@vercel/functions';
export async function POST() { waitUntil(save()); }`,
            },
          ],
        },
      ],
    },
    // Argument counts.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(); }`,
      output: null,
      errors: [{ messageId: 'missingArgument' }],
    },
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(a(), b()); }`,
      output: null,
      errors: [
        {
          messageId: 'extraArguments',
          data: { count: '1' },
          suggestions: [
            {
              messageId: 'combinePromises',
              output: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(Promise.all([a(), b()])); }`,
            },
          ],
        },
      ],
    },
    // Module scope, including a static block; the async-arrow fix still applies.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
waitUntil(warmUp());
class Cache { static { waitUntil(async () => {}); } }`,
      output: `import { waitUntil } from '@vercel/functions';
waitUntil(warmUp());
class Cache { static { waitUntil((async () => {})()); } }`,
      errors: [{ messageId: 'moduleScope', line: 2 }, { messageId: 'moduleScope', line: 3 }, { messageId: 'functionArgument', line: 3 }],
    },
    // Typed: a parameter typed as a function, and a value that is no promise.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { waitUntil } from '@vercel/functions';
import { compute, flush } from '../../../lib/helpers.js';
export function POST(task: () => Promise<void>) { waitUntil(task); waitUntil(compute()); waitUntil(flush); }`,
      output: null,
      errors: [
        {
          messageId: 'functionReference',
          data: { name: 'task' },
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
import { compute, flush } from '../../../lib/helpers.js';
export function POST(task: () => Promise<void>) { waitUntil(task()); waitUntil(compute()); waitUntil(flush); }`,
            },
          ],
        },
        { messageId: 'notAPromise', data: { type: 'number' } },
        {
          messageId: 'functionReference',
          data: { name: 'flush' },
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
import { compute, flush } from '../../../lib/helpers.js';
export function POST(task: () => Promise<void>) { waitUntil(task); waitUntil(compute()); waitUntil(flush()); }`,
            },
          ],
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------- waitUntil looked up on the request

const at = (file: string): string => fixture('frameworks', file);
const middleware = fixture('next-15.2', 'middleware.ts');
const pagesApi = fixture('next-14.2', 'pages/api/hook.ts');
const VERCEL = "`waitUntil(...)` from `@vercel/functions`";
const NO_KEEPER = { handler: 'route handler', use: VERCEL };
const NEXT = `import type { NextRequest } from 'next/server';\n`;
const IMPORT = `import { waitUntil } from '@vercel/functions';`;

ruleTester.run('valid-wait-until (waitUntil on the request)', rule, {
  valid: [
    // The hosts' own keepers: Workers' ctx, Next middleware's event (NextFetchEvent), h3's event, Netlify's context.
    { filename: at('src/worker.ts'), code: `export default { async fetch(req, env, ctx) { ctx.waitUntil(fetch('/x')); return new Response(); } };` },
    { filename: middleware, code: `${NEXT}export function middleware(req: NextRequest, event) { event.waitUntil(fetch('/x')); if ('waitUntil' in event) event.waitUntil(fetch('/y')); }` },
    {
      filename: at('server/api/x.post.ts'),
      code: `export default defineEventHandler((event) => { event.waitUntil(fetch('/x')); if ('waitUntil' in event) event.waitUntil?.(fetch('/y')); return 'ok'; });`,
    },
    {
      filename: at('netlify/functions/hello.ts'),
      code: `export default async (req: Request, context) => { context.waitUntil(fetch('/x')); return new Response('ok'); };`,
    },
    // Frameworks whose first parameter is their own object, keeper on it or not.
    { filename: at('src/routes/api/x/+server.ts'), code: `export const POST = async (event) => { if ('waitUntil' in event) event.waitUntil(fetch('/x')); return new Response(); };` },
    { filename: at('src/index.ts'), code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => { c.executionCtx.waitUntil(fetch('/x')); return c.text('ok'); });` },
    // Shadowed: a local `req`, and an inner callback's own `request` parameter.
    {
      filename: route,
      code: `export async function GET(request: Request) { const req = makeContext(); req.waitUntil(fetch('/x')); return new Response(); }`,
    },
    {
      filename: route,
      code: `export async function GET(request: Request) { jobs.forEach((request) => request.waitUntil(fetch('/x'))); return new Response(); }`,
    },
    // Not a handler: a helper's parameter, a server action's argument.
    { filename: at('lib/util.ts'), code: `export function keep(req, p) { req.waitUntil(p); }` },
    { filename: fixture('next-15.2', 'app/actions.ts'), code: `'use server';\nexport async function save(req) { req.waitUntil(fetch('/x')); }` },
    // The fallback runs: nothing is lost. A reassigned parameter may hold anything.
    {
      filename: route,
      code: `${IMPORT}\nexport async function POST(req: Request) { (req.waitUntil ?? waitUntil)(fetch('/x')); return new Response(); }`,
    },
    { filename: route, code: `export async function POST(req) { req = wrap(req); req.waitUntil(fetch('/x')); return new Response(); }` },
    // srvx (h3 2, Nitro 3) hands a request that has its own waitUntil.
    {
      filename: at('server.ts'),
      code: `import type { ServerRequest } from 'srvx';\nexport default { fetch(req: ServerRequest) { req.waitUntil?.(fetch('/x')); return new Response('ok'); } };`,
    },
    // Other properties of the request, and waitUntil on something else the handler holds.
    { filename: route, code: `export async function POST(req: Request, ctx) { const { headers } = req; ctx.waitUntil?.(fetch('/x')); return new Response(); }` },
  ],
  invalid: [
    // App Router route handler (TS), no API import yet: the suggestion adds it after the last import.
    {
      filename: route,
      code: `${NEXT}export async function POST(req: NextRequest) { req.waitUntil(fetch('/x')); return new Response('ok'); }`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: 'req.waitUntil', ...NO_KEEPER },
          line: 2,
          column: 48,
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              data: { callee: 'waitUntil' },
              output: `${NEXT}${IMPORT}\nexport async function POST(req: NextRequest) { waitUntil(fetch('/x')); return new Response('ok'); }`,
            },
          ],
        },
      ],
    },
    // Optional call (plain JS through espree): skipped, the work silently dropped.
    {
      filename: fixture('next-14.2', 'app/api/track/route.js'),
      languageOptions: jsLanguageOptions,
      code: `export async function GET(request) { request.waitUntil?.(fetch('/x')); return new Response(); }`,
      errors: [
        {
          messageId: 'requestWaitUntilOptionalCall',
          data: { lookup: 'request.waitUntil', ...NO_KEEPER },
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              output: `${IMPORT}\nexport async function GET(request) { waitUntil(fetch('/x')); return new Response(); }`,
            },
          ],
        },
      ],
    },
    // Computed lookup; an aliased API import is reused.
    {
      filename: route,
      code: `import { waitUntil as keep } from '@vercel/functions';\nexport async function POST(request: Request) { request['waitUntil'](fetch('/x')); return new Response(); }`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: "request['waitUntil']", ...NO_KEEPER },
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              data: { callee: 'keep' },
              output: `import { waitUntil as keep } from '@vercel/functions';\nexport async function POST(request: Request) { keep(fetch('/x')); return new Response(); }`,
            },
          ],
        },
      ],
    },
    // Namespace import of @fn-kit/functions: the message names the file's own API module.
    {
      filename: route,
      code: `import * as fns from '@fn-kit/functions';\nexport const POST = async (req: Request) => { (req as any).waitUntil(fetch('/x')); return new Response(); };`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: '(req as any).waitUntil', handler: 'route handler', use: '`waitUntil(...)` from `@fn-kit/functions`' },
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              data: { callee: 'fns.waitUntil' },
              output: `import * as fns from '@fn-kit/functions';\nexport const POST = async (req: Request) => { fns.waitUntil(fetch('/x')); return new Response(); };`,
            },
          ],
        },
      ],
    },
    // Guarded forms: the guard is always false (reported), and the call it guards too.
    {
      filename: route,
      code: `export async function POST(req: Request) { if ('waitUntil' in req) { req.waitUntil(fetch('/x')); } return new Response(); }`,
      errors: [
        { messageId: 'requestWaitUntilGuard', data: NO_KEEPER, column: 48, endColumn: 66, suggestions: [] },
        {
          messageId: 'requestWaitUntilCall',
          column: 70,
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              output: `${IMPORT}\nexport async function POST(req: Request) { if ('waitUntil' in req) { waitUntil(fetch('/x')); } return new Response(); }`,
            },
          ],
        },
      ],
    },
    {
      filename: route,
      code: `export async function POST(req: Request) { const p = fetch('/x'); typeof req.waitUntil === 'function' ? req.waitUntil(p) : await p; if (!req.waitUntil) return; }`,
      errors: [
        { messageId: 'requestWaitUntilGuard', column: 67, endColumn: 102 },
        {
          messageId: 'requestWaitUntilCall',
          column: 105,
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              output: `${IMPORT}\nexport async function POST(req: Request) { const p = fetch('/x'); typeof req.waitUntil === 'function' ? waitUntil(p) : await p; if (!req.waitUntil) return; }`,
            },
          ],
        },
        { messageId: 'requestWaitUntilGuard', column: 137, endColumn: 151 },
      ],
    },
    {
      filename: route,
      code: `export async function POST(req: Request) { req.waitUntil && req.waitUntil(fetch('/x')); return new Response(); }`,
      errors: [
        { messageId: 'requestWaitUntilGuard', column: 44, endColumn: 57 },
        {
          messageId: 'requestWaitUntilCall',
          column: 61,
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              output: `${IMPORT}\nexport async function POST(req: Request) { req.waitUntil && waitUntil(fetch('/x')); return new Response(); }`,
            },
          ],
        },
      ],
    },
    // Pages API route: destructured from req; no suggestion for a read.
    {
      filename: pagesApi,
      code: `export default function handler(req, res) { const { waitUntil } = req; waitUntil(fetch('/x')); res.end(); }`,
      errors: [
        {
          messageId: 'requestWaitUntilRead',
          data: { lookup: 'req.waitUntil', handler: 'Pages API route', use: VERCEL },
          column: 53,
          endColumn: 62,
          suggestions: [],
        },
      ],
    },
    // A read kept in a variable; and a route handler's request destructured in its parameter.
    {
      filename: route,
      code: `export async function POST(req: Request) { const keep = req.waitUntil; keep(fetch('/x')); return new Response(); }`,
      errors: [{ messageId: 'requestWaitUntilRead', data: { lookup: 'req.waitUntil', ...NO_KEEPER }, column: 57 }],
    },
    {
      filename: route,
      code: `export async function POST({ waitUntil, headers }: any) { waitUntil(fetch('/x')); return new Response(); }`,
      errors: [{ messageId: 'requestWaitUntilRead', data: { lookup: 'request.waitUntil', ...NO_KEEPER } }],
    },
    // Next middleware: the keeper is the second parameter, offered first.
    {
      filename: middleware,
      code: `${NEXT}export function middleware(req: NextRequest, event) { req.waitUntil(fetch('/x')); }`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: 'req.waitUntil', handler: 'middleware', use: `\`event.waitUntil(...)\` (the handler's own keeper) or ${VERCEL}` },
          suggestions: [
            { messageId: 'useKeeper', data: { callee: 'event.waitUntil' }, output: `${NEXT}export function middleware(req: NextRequest, event) { event.waitUntil(fetch('/x')); }` },
            { messageId: 'useApiWaitUntil', output: `${NEXT}${IMPORT}\nexport function middleware(req: NextRequest, event) { waitUntil(fetch('/x')); }` },
          ],
        },
      ],
    },
    // Middleware with only the request: no keeper in reach, the API only.
    {
      filename: middleware,
      code: `export default function middleware(request) { request.waitUntil(fetch('/x')); }`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: 'request.waitUntil', handler: 'middleware', use: VERCEL },
          suggestions: [{ messageId: 'useApiWaitUntil', output: `${IMPORT}\nexport default function middleware(request) { waitUntil(fetch('/x')); }` }],
        },
      ],
    },
    // Workers-style `export default { fetch }`: ctx.waitUntil first.
    {
      filename: at('src/worker.ts'),
      code: `export default { async fetch(request: Request, env, ctx) { request.waitUntil(fetch('/x')); return new Response(); } };`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: 'request.waitUntil', handler: 'fetch handler', use: `\`ctx.waitUntil(...)\` (the handler's own keeper) or ${VERCEL}` },
          suggestions: [
            { messageId: 'useKeeper', output: `export default { async fetch(request: Request, env, ctx) { ctx.waitUntil(fetch('/x')); return new Response(); } };` },
            { messageId: 'useApiWaitUntil', output: `${IMPORT}\nexport default { async fetch(request: Request, env, ctx) { waitUntil(fetch('/x')); return new Response(); } };` },
          ],
        },
      ],
    },
    // Default fetch handler under api/, through a const alias, inside a nested callback.
    {
      filename: fixture('next-14.2', 'api/track.ts'),
      code: `export default async function handler(request: Request) { const r = request; [1].forEach(() => r.waitUntil(fetch('/x'))); return new Response(); }`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: 'r.waitUntil', handler: 'fetch handler', use: VERCEL },
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              output: `${IMPORT}\nexport default async function handler(request: Request) { const r = request; [1].forEach(() => waitUntil(fetch('/x'))); return new Response(); }`,
            },
          ],
        },
      ],
    },
    // CommonJS Pages API route: the suggestion adds a require.
    {
      filename: fixture('next-14.2', 'pages/api/legacy.js'),
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      code: `const db = require('./db');\nmodule.exports = async (req, res) => { req.waitUntil(db.save()); res.end(); };`,
      errors: [
        {
          messageId: 'requestWaitUntilCall',
          data: { lookup: 'req.waitUntil', handler: 'Pages API route', use: VERCEL },
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              output: `const db = require('./db');\nconst { waitUntil } = require('@vercel/functions');\nmodule.exports = async (req, res) => { waitUntil(db.save()); res.end(); };`,
            },
          ],
        },
      ],
    },
    // A local `waitUntil` already in the file: the import comes in under another name.
    {
      filename: route,
      code: `const waitUntil = 1;\nexport async function POST(req: Request) { req.waitUntil(fetch('/x'), 2); req.waitUntil(fetch('/y')); return new Response(waitUntil); }`,
      errors: [
        // Two arguments: no rewrite is offered (the extra one would be dropped silently).
        { messageId: 'requestWaitUntilCall', suggestions: [] },
        {
          messageId: 'requestWaitUntilCall',
          suggestions: [
            {
              messageId: 'useApiWaitUntil',
              data: { callee: 'waitUntilFn' },
              output: `import { waitUntil as waitUntilFn } from '@vercel/functions';\nconst waitUntil = 1;\nexport async function POST(req: Request) { req.waitUntil(fetch('/x'), 2); waitUntilFn(fetch('/y')); return new Response(waitUntil); }`,
            },
          ],
        },
      ],
    },
  ],
});
