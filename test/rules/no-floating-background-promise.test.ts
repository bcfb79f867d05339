import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const route15 = fixture('next-15.2', 'app/api/track/route.ts');
const route14 = fixture('next-14.2', 'app/api/track/route.ts');
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture('typed', '') } };

const TRACK = `async function track(event) { await fetch('https://example.com/' + event); }`;

ruleTester.run('no-floating-background-promise', rule, {
  valid: [
    // Awaited, returned, handed to waitUntil / after.
    { filename: route15, code: `export async function POST() { await track('a'); return new Response('ok'); }\n${TRACK}` },
    { filename: route15, code: `export function GET() { return fetch('https://example.com'); }` },
    { filename: route15, code: `export const GET = () => fetch('https://example.com');` },
    {
      filename: route15,
      code: `import { waitUntil } from '@vercel/functions';
import { after } from 'next/server';
export function POST() { waitUntil(track('a')); after(track('b')); return new Response('ok'); }\n${TRACK}`,
    },
    // Assigned, then awaited / returned / handed on in the same function.
    {
      filename: route15,
      code: `export async function POST() { const p = track('a'); await other(); await p; }\n${TRACK}`,
    },
    {
      filename: route15,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { const p = fetch('https://example.com'); waitUntil(p); }`,
    },
    { filename: route15, code: `export function GET() { const p = fetch('https://example.com'); return p; }` },
    // Not request-handling code: a helper, module scope, a page component, a client file.
    { filename: route15, code: `async function helper() { track('a'); }\n${TRACK}` },
    { filename: route15, code: `track('warm-up');\n${TRACK}` },
    { filename: fixture('next-15.2', 'app/page.tsx'), code: `export default function Page() { fetch('https://example.com'); return <main />; }` },
    {
      filename: fixture('next-15.2', 'app/form.tsx'),
      code: `'use client';\nexport function GET() { fetch('/x'); }\nexport function Form() { async function save() { 'use server'; fetch('/y'); } return <form action={save} />; }`,
    },
    // An import that resolves to no module of the project stays unknown: never reported on a guess.
    { filename: route15, code: `import { sendEmail } from './mail';\nexport function POST() { sendEmail(); }` },
    // A local `fetch` / `Promise` is not the global one.
    { filename: route15, code: `const fetch = (u) => u;\nexport function GET() { fetch('/x'); }` },
    { filename: route15, code: `export function GET(Promise) { Promise.all([]); new Promise(() => {}); }` },
    // Non-promise statements; a `.then` chain that is awaited or returned is used, not dropped.
    { filename: route15, code: `export async function GET(req) { console.log(req.url); await thing.then(() => {}); return thing.catch(f); }` },
    // Assigned elsewhere (handed off), or read later.
    { filename: route15, code: `export function POST(req) { req.pending = fetch('/x'); const p = fetch('/y'); queue.push(p); }` },
    // Pages API handler that awaits.
    {
      filename: fixture('next-15.2', 'pages/api/hook.ts'),
      code: `export default async function handler(req, res) { await fetch('/x'); res.end(); }`,
    },
  ],
  invalid: [
    // `await` cannot be written in a class static block, even inside an async handler: no await suggestion.
    {
      filename: route14,
      code: `export async function POST() {
  class Job { static { fetch('https://example.com'); } }
  return new Response('ok');
}`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              data: { callee: 'waitUntil' },
              output: `import { waitUntil } from '@vercel/functions';
export async function POST() {
  class Job { static { waitUntil(fetch('https://example.com')); } }
  return new Response('ok');
}`,
            },
          ],
        },
      ],
    },
    // The file's waitUntil import is hidden by a local in the handler: the suggestion imports it under a free name.
    {
      filename: route14,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() {
  const waitUntil = (p: unknown) => p;
  fetch('https://example.com');
  return new Response(String(waitUntil));
}`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              data: { callee: 'waitUntilFn' },
              output: `import { waitUntil, waitUntil as waitUntilFn } from '@vercel/functions';
export function POST() {
  const waitUntil = (p: unknown) => p;
  waitUntilFn(fetch('https://example.com'));
  return new Response(String(waitUntil));
}`,
            },
          ],
        },
      ],
    },
    // Route handler (function declaration), helper declared later (hoisting), Next 15.2: after suggested.
    {
      filename: route15,
      code: `export async function POST(req) {
  track('signup');
  return new Response('ok');
}
${TRACK}`,
      errors: [
        {
          messageId: 'floating',
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `export async function POST(req) {
  await track('signup');
  return new Response('ok');
}
${TRACK}`,
            },
            {
              messageId: 'wrapWaitUntil',
              data: { callee: 'waitUntil' },
              output: `import { waitUntil } from '@vercel/functions';
export async function POST(req) {
  waitUntil(track('signup'));
  return new Response('ok');
}
${TRACK}`,
            },
            {
              messageId: 'wrapAfter',
              data: { callee: 'after' },
              output: `import { after } from 'next/server';
export async function POST(req) {
  after(track('signup'));
  return new Response('ok');
}
${TRACK}`,
            },
          ],
        },
      ],
    },
    // `void p`, `.catch()`, bare Promise.all, new Promise, an async IIFE; a non-async handler: no await.
    {
      filename: route14,
      code: `import { getEnv } from '@fn-kit/functions';
export const GET = () => {
  void fetch('/a');
  fetch('/b').catch(() => {});
  Promise.all([fetch('/c')]);
  new Promise((resolve) => setTimeout(resolve, 10));
  (async () => { await fetch('/d'); })();
};`,
      errors: [
        {
          messageId: 'voided',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { getEnv, waitUntil } from '@fn-kit/functions';
export const GET = () => {
  waitUntil(fetch('/a'));
  fetch('/b').catch(() => {});
  Promise.all([fetch('/c')]);
  new Promise((resolve) => setTimeout(resolve, 10));
  (async () => { await fetch('/d'); })();
};`,
            },
          ],
        },
        {
          messageId: 'chained',
          data: { method: 'catch', where: '' },
          line: 4,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { getEnv, waitUntil } from '@fn-kit/functions';
export const GET = () => {
  void fetch('/a');
  waitUntil(fetch('/b').catch(() => {}));
  Promise.all([fetch('/c')]);
  new Promise((resolve) => setTimeout(resolve, 10));
  (async () => { await fetch('/d'); })();
};`,
            },
          ],
        },
        {
          messageId: 'floating',
          line: 5,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { getEnv, waitUntil } from '@fn-kit/functions';
export const GET = () => {
  void fetch('/a');
  fetch('/b').catch(() => {});
  waitUntil(Promise.all([fetch('/c')]));
  new Promise((resolve) => setTimeout(resolve, 10));
  (async () => { await fetch('/d'); })();
};`,
            },
          ],
        },
        {
          messageId: 'floating',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { getEnv, waitUntil } from '@fn-kit/functions';
export const GET = () => {
  void fetch('/a');
  fetch('/b').catch(() => {});
  Promise.all([fetch('/c')]);
  waitUntil(new Promise((resolve) => setTimeout(resolve, 10)));
  (async () => { await fetch('/d'); })();
};`,
            },
          ],
        },
        {
          messageId: 'floating',
          line: 7,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { getEnv, waitUntil } from '@fn-kit/functions';
export const GET = () => {
  void fetch('/a');
  fetch('/b').catch(() => {});
  Promise.all([fetch('/c')]);
  new Promise((resolve) => setTimeout(resolve, 10));
  waitUntil((async () => { await fetch('/d'); })());
};`,
            },
          ],
        },
      ],
    },
    // `export { handler as GET }`, an existing aliased waitUntil is reused; a local `after` is avoided.
    {
      filename: route15,
      code: `import { waitUntil as keepAlive } from '@vercel/functions';
const after = 1;
async function handler() { fetch('/x'); keepAlive(fetch('/y')); }
export { handler as GET };`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { waitUntil as keepAlive } from '@vercel/functions';
const after = 1;
async function handler() { await fetch('/x'); keepAlive(fetch('/y')); }
export { handler as GET };`,
            },
            {
              messageId: 'wrapWaitUntil',
              data: { callee: 'keepAlive' },
              output: `import { waitUntil as keepAlive } from '@vercel/functions';
const after = 1;
async function handler() { keepAlive(fetch('/x')); keepAlive(fetch('/y')); }
export { handler as GET };`,
            },
            {
              messageId: 'wrapAfter',
              data: { callee: 'nextAfter' },
              output: `import { waitUntil as keepAlive } from '@vercel/functions';
import { after as nextAfter } from 'next/server';
const after = 1;
async function handler() { nextAfter(fetch('/x')); keepAlive(fetch('/y')); }
export { handler as GET };`,
            },
          ],
        },
      ],
    },
    // A local function named waitUntil: the added import is aliased.
    {
      filename: route14,
      code: `function waitUntil(p) { return p; }
export function GET() { fetch('/x'); }`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              data: { callee: 'waitUntilFn' },
              output: `import { waitUntil as waitUntilFn } from '@vercel/functions';
function waitUntil(p) { return p; }
export function GET() { waitUntilFn(fetch('/x')); }`,
            },
          ],
        },
      ],
    },
    // Next 15.0: `unstable_after as after`; Next 16 middleware; wrapper-exported handler.
    {
      filename: fixture('next-15.0', 'app/api/route.ts'),
      code: `export const POST = withAuth(async (req) => { fetch('/x'); });`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `export const POST = withAuth(async (req) => { await fetch('/x'); });` },
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export const POST = withAuth(async (req) => { waitUntil(fetch('/x')); });`,
            },
            {
              messageId: 'wrapAfter',
              data: { callee: 'after' },
              output: `import { unstable_after as after } from 'next/server';
export const POST = withAuth(async (req) => { after(fetch('/x')); });`,
            },
          ],
        },
      ],
    },
    {
      filename: fixture('next-16', 'middleware.ts'),
      code: `import { NextResponse } from 'next/server';
export function middleware(request) { fetch('/log'); return NextResponse.next(); }`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { NextResponse } from 'next/server';
import { waitUntil } from '@vercel/functions';
export function middleware(request) { waitUntil(fetch('/log')); return NextResponse.next(); }`,
            },
            {
              messageId: 'wrapAfter',
              output: `import { NextResponse, after } from 'next/server';
export function middleware(request) { after(fetch('/log')); return NextResponse.next(); }`,
            },
          ],
        },
      ],
    },
    // Pages API handler (JS through espree, CommonJS): waitUntil via require, never after.
    {
      filename: fixture('next-15.2', 'pages/api/hook.js'),
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      code: `const db = require('./db');
module.exports = async function handler(req, res) { fetch('/x'); res.end(); };`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const db = require('./db');
module.exports = async function handler(req, res) { await fetch('/x'); res.end(); };`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `const db = require('./db');
const { waitUntil } = require('@vercel/functions');
module.exports = async function handler(req, res) { waitUntil(fetch('/x')); res.end(); };`,
            },
          ],
        },
      ],
    },
    // Server actions: a 'use server' file outside app/ (Next 15.2 gets after), and an inline action in JSX.
    {
      filename: fixture('next-15.2', 'lib/actions.ts'),
      code: `'use server';
export async function save(form) { fetch('/save'); }`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `'use server';\nexport async function save(form) { await fetch('/save'); }` },
            {
              messageId: 'wrapWaitUntil',
              output: `'use server';\nimport { waitUntil } from '@vercel/functions';\nexport async function save(form) { waitUntil(fetch('/save')); }`,
            },
            {
              messageId: 'wrapAfter',
              output: `'use server';\nimport { after } from 'next/server';\nexport async function save(form) { after(fetch('/save')); }`,
            },
          ],
        },
      ],
    },
    {
      filename: fixture('next-14.2', 'app/form.jsx'),
      languageOptions: jsLanguageOptions,
      code: `export default function Form() {
  async function save() { 'use server'; fetch('/save'); }
  return <form action={save} />;
}`,
      errors: [
        {
          messageId: 'floating',
          line: 2,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `export default function Form() {
  async function save() { 'use server'; await fetch('/save'); }
  return <form action={save} />;
}`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export default function Form() {
  async function save() { 'use server'; waitUntil(fetch('/save')); }
  return <form action={save} />;
}`,
            },
          ],
        },
      ],
    },
    // `export default { fetch }` outside Next.js code, and a default fetch handler by its parameter.
    {
      filename: fixture('next-14.2', 'src/worker.ts'),
      code: `export default { fetch(request: Request) { fetch('/log'); return new Response('ok'); } };`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export default { fetch(request: Request) { waitUntil(fetch('/log')); return new Response('ok'); } };`,
            },
          ],
        },
      ],
    },
    {
      filename: fixture('next-14.2', 'src/server.ts'),
      code: `export default async (req: Request) => { void fetch('/log'); return new Response('ok'); };`,
      errors: [
        {
          messageId: 'voided',
          suggestions: [
            { messageId: 'addAwait', output: `export default async (req: Request) => { await fetch('/log'); return new Response('ok'); };` },
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export default async (req: Request) => { waitUntil(fetch('/log')); return new Response('ok'); };`,
            },
          ],
        },
      ],
    },
    // A promise stored in a variable that nothing reads.
    {
      filename: route14,
      code: `export async function POST() {
  const pending = fetch('/x');
  return new Response('ok');
}`,
      errors: [
        {
          messageId: 'unused',
          data: { name: 'pending', where: '' },
          suggestions: [
            {
              messageId: 'addAwait',
              output: `export async function POST() {
  const pending = await fetch('/x');
  return new Response('ok');
}`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export async function POST() {
  const pending = fetch('/x');
  waitUntil(pending);
  return new Response('ok');
}`,
            },
          ],
        },
      ],
    },
    // Conditional and logical statements: the promise inside is reported; nested callbacks too.
    {
      filename: route14,
      code: `export function GET(req) { req.ok && fetch('/a'); setTimeout(() => { fetch('/b'); }, 1); }`,
      errors: [
        {
          messageId: 'floating',
          column: 38,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export function GET(req) { req.ok && waitUntil(fetch('/a')); setTimeout(() => { fetch('/b'); }, 1); }`,
            },
          ],
        },
        {
          messageId: 'floating',
          column: 70,
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
export function GET(req) { req.ok && fetch('/a'); setTimeout(() => { waitUntil(fetch('/b')); }, 1); }`,
            },
          ],
        },
      ],
    },
    // promiseFunctions option for calls the syntactic analysis cannot see.
    {
      filename: route14,
      options: [{ promiseFunctions: ['db.insert', 'track'] }],
      code: `import { track } from './analytics';
export async function POST() { db.insert(1); track('x'); db.select(); }`,
      errors: [
        {
          messageId: 'floating',
          column: 32,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { track } from './analytics';
export async function POST() { await db.insert(1); track('x'); db.select(); }`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { track } from './analytics';
import { waitUntil } from '@vercel/functions';
export async function POST() { waitUntil(db.insert(1)); track('x'); db.select(); }`,
            },
          ],
        },
        {
          messageId: 'floating',
          column: 46,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { track } from './analytics';
export async function POST() { db.insert(1); await track('x'); db.select(); }`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { track } from './analytics';
import { waitUntil } from '@vercel/functions';
export async function POST() { db.insert(1); waitUntil(track('x')); db.select(); }`,
            },
          ],
        },
      ],
    },
    // scope: 'all-functions' widens the rule to helpers.
    {
      filename: fixture('next-14.2', 'lib/jobs.js'),
      languageOptions: jsLanguageOptions,
      options: [{ scope: 'all-functions' }],
      code: `function helper() { fetch('/x'); }`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
function helper() { waitUntil(fetch('/x')); }`,
            },
          ],
        },
      ],
    },
    // A promise chain and a local function returning `new Promise` (no async keyword).
    {
      filename: route14,
      code: `const delay = (ms) => new Promise((r) => setTimeout(r, ms));
export async function GET() { delay(5).then(() => log()); }`,
      errors: [
        {
          messageId: 'chained',
          data: { method: 'then', where: '' },
          suggestions: [
            {
              messageId: 'addAwait',
              output: `const delay = (ms) => new Promise((r) => setTimeout(r, ms));
export async function GET() { await delay(5).then(() => log()); }`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { waitUntil } from '@vercel/functions';
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
export async function GET() { waitUntil(delay(5).then(() => log())); }`,
            },
          ],
        },
      ],
    },
    // Typed: a Promise-returning function imported from another file and typed only through a
    // type alias, a thenable, and a method returning a Promise.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
export async function POST() { saveLater('x'); enqueue('y'); db.query('select 1'); compute(); }`,
      errors: [
        {
          messageId: 'floating',
          column: 32,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
export async function POST() { await saveLater('x'); enqueue('y'); db.query('select 1'); compute(); }`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
import { waitUntil } from '@vercel/functions';
export async function POST() { waitUntil(saveLater('x')); enqueue('y'); db.query('select 1'); compute(); }`,
            },
            {
              messageId: 'wrapAfter',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
import { after } from 'next/server';
export async function POST() { after(saveLater('x')); enqueue('y'); db.query('select 1'); compute(); }`,
            },
          ],
        },
        {
          messageId: 'floating',
          column: 48,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
export async function POST() { saveLater('x'); await enqueue('y'); db.query('select 1'); compute(); }`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
import { waitUntil } from '@vercel/functions';
export async function POST() { saveLater('x'); waitUntil(enqueue('y')); db.query('select 1'); compute(); }`,
            },
            {
              messageId: 'wrapAfter',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
import { after } from 'next/server';
export async function POST() { saveLater('x'); after(enqueue('y')); db.query('select 1'); compute(); }`,
            },
          ],
        },
        {
          messageId: 'floating',
          column: 62,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
export async function POST() { saveLater('x'); enqueue('y'); await db.query('select 1'); compute(); }`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
import { waitUntil } from '@vercel/functions';
export async function POST() { saveLater('x'); enqueue('y'); waitUntil(db.query('select 1')); compute(); }`,
            },
            {
              messageId: 'wrapAfter',
              output: `import { saveLater, enqueue, db, compute } from '../../../lib/helpers.js';
import { after } from 'next/server';
export async function POST() { saveLater('x'); enqueue('y'); after(db.query('select 1')); compute(); }`,
            },
          ],
        },
      ],
    },
    // Typed, Pages Router: no after suggestion.
    {
      filename: 'pages/api/hook.ts',
      languageOptions: typedOptions,
      code: `import { flush } from '../../lib/helpers.js';
export default function handler(req: unknown, res: { end(): void }) { flush(); res.end(); }`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'wrapWaitUntil',
              output: `import { flush } from '../../lib/helpers.js';
import { waitUntil } from '@vercel/functions';
export default function handler(req: unknown, res: { end(): void }) { waitUntil(flush()); res.end(); }`,
            },
          ],
        },
      ],
    },
  ],
});
