import rule from '../../rules/prefer-after.js';
import { fixture, noNextProject } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const route15 = fixture('next-15.2', 'app/api/track/route.ts');

const SIMPLE = `import { waitUntil } from '@vercel/functions';
export async function POST() {
  waitUntil(track());
  return new Response('ok');
}`;
const SIMPLE_FIXED = `import { after } from 'next/server';
export async function POST() {
  after(track());
  return new Response('ok');
}`;

ruleTester.run('prefer-after', rule, {
  valid: [
    // Next 14.2 has no after; 13.x/14.x keep waitUntil.
    { filename: fixture('next-14.2', 'app/api/track/route.ts'), code: SIMPLE },
    // settings override down to 14.2 wins over the fixture's 15.2.
    { filename: route15, code: SIMPLE, settings: { fn: { nextVersion: '14.2.0' } } },
    // No Next.js version anywhere above the file.
    { filename: noNextProject('app/api/track/route.ts'), code: SIMPLE },
    // Pages Router API routes keep waitUntil.
    {
      filename: fixture('next-15.2', 'pages/api/hook.ts'),
      code: `import { waitUntil } from '@vercel/functions';\nexport default function handler(req, res) { waitUntil(track()); res.end(); }`,
    },
    // Outside App Router code: a plain lib file, a client component.
    { filename: fixture('next-15.2', 'lib/jobs.ts'), code: SIMPLE },
    {
      filename: fixture('next-15.2', 'app/button.tsx'),
      code: `'use client';\nimport { waitUntil } from '@vercel/functions';\nexport function B() { waitUntil(track()); return <button />; }`,
    },
    // A local waitUntil, and the runtime's own after, are not the API's waitUntil.
    { filename: route15, code: `function waitUntil(p) {}\nexport function GET() { waitUntil(track()); }` },
    { filename: route15, code: `import { after } from '@fn-kit/functions';\nexport function GET() { after(track()); }` },
    // Module scope is valid-wait-until's concern (after() would throw there too).
    { filename: route15, code: `import { waitUntil } from '@vercel/functions';\nwaitUntil(warmUp());` },
    // A non-action function in a file outside app/ that also holds an inline action.
    {
      filename: fixture('next-15.2', 'components/form.tsx'),
      code: `import { waitUntil } from '@vercel/functions';\nexport function helper() { waitUntil(track()); }\nexport function F() { async function act() { 'use server'; } return <form action={act} />; }`,
    },
  ],
  invalid: [
    // A nested local `after` hides the file's next/server `after` at the call: never call the local;
    // import `after` again under a free alias (the codemod does the same).
    {
      filename: 'app/api/a/route.ts',
      settings: { fn: { nextVersion: '15.2.0' } },
      code: `import { waitUntil } from '@vercel/functions';
import { after } from 'next/server';
export async function POST() {
  const after = (x: unknown) => x;
  waitUntil(fetch('https://a'));
  return new Response(String(after));
}`,
      output: `import { after, after as nextAfter } from 'next/server';
export async function POST() {
  const after = (x: unknown) => x;
  nextAfter(fetch('https://a'));
  return new Response(String(after));
}`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // The import line is replaced by the next/server import.
    {
      filename: route15,
      code: SIMPLE,
      output: SIMPLE_FIXED,
      errors: [{ messageId: 'preferAfter', data: { exportName: 'after', version: '15.2.0' }, line: 3, column: 3 }],
    },
    // Next 16 (exact version), merge into an existing next/server import; other specifiers stay.
    {
      filename: fixture('next-16', 'app/api/route.ts'),
      code: `import { getEnv, waitUntil, type Geo } from '@vercel/functions';
import { NextResponse } from 'next/server';
export function GET() { waitUntil(track()); return NextResponse.json(getEnv()); }`,
      output: `import { getEnv, type Geo } from '@vercel/functions';
import { NextResponse, after } from 'next/server';
export function GET() { after(track()); return NextResponse.json(getEnv()); }`,
      errors: [{ messageId: 'preferAfter', data: { exportName: 'after', version: '16.0.0' } }],
    },
    // Next 15.0: unstable_after, imported as after.
    {
      filename: fixture('next-15.0', 'app/api/track/route.ts'),
      code: SIMPLE,
      output: `import { unstable_after as after } from 'next/server';
export async function POST() {
  after(track());
  return new Response('ok');
}`,
      errors: [{ messageId: 'preferAfter', data: { exportName: 'unstable_after', version: '15.0.3' } }],
    },
    // settings.fn.nextVersion raises a 14.2 project to 15.1.
    {
      filename: fixture('next-14.2', 'app/api/track/route.ts'),
      settings: { fn: { nextVersion: '15.1.0' } },
      code: SIMPLE,
      output: SIMPLE_FIXED,
      errors: [{ messageId: 'preferAfter', data: { exportName: 'after', version: '15.1.0' } }],
    },
    // Aliased import used twice: the import goes when its last use is rewritten (second pass).
    {
      filename: route15,
      code: `import { waitUntil as keepAlive } from '@fn-kit/functions';
export function GET() { keepAlive(a()); keepAlive(b()); }`,
      output: [
        `import { waitUntil as keepAlive } from '@fn-kit/functions';
import { after } from 'next/server';
export function GET() { after(a()); keepAlive(b()); }`,
        `import { after } from 'next/server';
export function GET() { after(a()); after(b()); }`,
      ],
      errors: [{ messageId: 'preferAfter' }, { messageId: 'preferAfter' }],
    },
    // Namespace import still used for geolocation: it stays.
    {
      filename: route15,
      code: `import * as fns from '@vercel/functions';
export function GET(req) { fns.waitUntil(track()); return Response.json(fns.geolocation(req)); }`,
      output: `import * as fns from '@vercel/functions';
import { after } from 'next/server';
export function GET(req) { after(track()); return Response.json(fns.geolocation(req)); }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // Namespace import with no other use: removed; computed member access.
    {
      filename: route15,
      code: `import { NextResponse } from 'next/server';
import * as fns from '@vercel/functions';
export function GET() { fns['waitUntil'](track()); return NextResponse.next(); }`,
      output: `import { NextResponse, after } from 'next/server';
export function GET() { after(track()); return NextResponse.next(); }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // A local `after` elsewhere in the file: aliased import.
    {
      filename: route15,
      code: `import { waitUntil } from '@vercel/functions';
const after = [];
export function GET() { waitUntil(track()); }`,
      output: `import { after as nextAfter } from 'next/server';
const after = [];
export function GET() { nextAfter(track()); }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // An existing next/server `after` import is reused.
    {
      filename: route15,
      code: `import { after } from 'next/server';
import { waitUntil } from '@vercel/functions';
export function GET() { after(log()); waitUntil(track()); }`,
      output: `import { after } from 'next/server';
export function GET() { after(log()); after(track()); }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // Middleware in plain JS (espree), CommonJS require with another binding left in place.
    {
      filename: fixture('next-15.2', 'middleware.js'),
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      code: `const { waitUntil, geolocation } = require('@vercel/functions');
module.exports = function middleware(req) { waitUntil(log(geolocation(req))); };`,
      output: `const { geolocation } = require('@vercel/functions');
const { after } = require('next/server');
module.exports = function middleware(req) { after(log(geolocation(req))); };`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // A 'use server' file outside app/, Next 16.
    {
      filename: fixture('next-16', 'lib/actions.ts'),
      code: `'use server';
import { waitUntil } from '@vercel/functions';
export async function save() { waitUntil(track()); }`,
      output: `'use server';
import { after } from 'next/server';
export async function save() { after(track()); }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // An inline server action in a component outside app/ (TSX).
    {
      filename: fixture('next-15.2', 'components/form.tsx'),
      code: `import { waitUntil } from '@vercel/functions';
export function F() { async function act() { 'use server'; waitUntil(track()); } return <form action={act} />; }`,
      output: `import { after } from 'next/server';
export function F() { async function act() { 'use server'; after(track()); } return <form action={act} />; }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // A server component page (JSX through espree), with a function argument: after accepts callbacks.
    {
      filename: fixture('next-15.2', 'app/page.jsx'),
      languageOptions: jsLanguageOptions,
      code: `import { waitUntil } from "@vercel/functions";
export default async function Page() { waitUntil(async () => log()); return <main />; }`,
      output: `import { after } from "next/server";
export default async function Page() { after(async () => log()); return <main />; }`,
      errors: [{ messageId: 'preferAfter' }],
    },
    // Wrong argument count: reported, not fixed.
    {
      filename: route15,
      code: `import { waitUntil } from '@vercel/functions';\nexport function GET() { waitUntil(a(), b()); }`,
      output: null,
      errors: [{ messageId: 'preferAfter' }],
    },
  ],
});
