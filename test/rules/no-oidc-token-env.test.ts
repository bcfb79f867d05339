import rule from '../../rules/no-oidc-token-env.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();

const envError = (output: string, getter: 'async' | 'sync' = 'async') => ({
  messageId: 'envRead' as const,
  suggestions: [
    getter === 'async'
      ? { messageId: 'useAsyncGetter' as const, output }
      : { messageId: 'useSyncGetter' as const, output },
  ],
});
const headerError = (output: string, getter: 'async' | 'sync' = 'async') => ({
  ...envError(output, getter),
  messageId: 'headerRead' as const,
});

ruleTester.run('no-oidc-token-env', rule, {
  valid: [
    // A write through a type assertion is still a write; the header set on an outgoing request is not read.
    `(process.env.VERCEL_OIDC_TOKEN as string | undefined) = 'x';`,
    `const h = new Headers(); h.append('x-vercel-oidc-token', 'x');`,
    // The getters are the right way.
    `import { getVercelOidcToken } from '@vercel/oidc';
export async function GET() { const token = await getVercelOidcToken(); return fetch('https://api', { headers: { Authorization: \`Bearer \${token}\` } }); }`,
    // Writes are not reads.
    `process.env.VERCEL_OIDC_TOKEN = 'test-token';`,
    `delete process.env.VERCEL_OIDC_TOKEN;`,
    `process.env['VERCEL_OIDC_TOKEN'] = undefined;`,
    `({ VERCEL_OIDC_TOKEN: process.env.VERCEL_OIDC_TOKEN } = fixtures);`,
    // Other env vars and headers.
    `const region = process.env.VERCEL_REGION;`,
    `export function GET(req) { return req.headers.get('x-vercel-id'); }`,
    `const { VERCEL_ENV, VERCEL_URL } = process.env;`,
    // Setting the header for a downstream call is not a read.
    `headers.set('x-vercel-oidc-token', token);`,
    // A local `process` is not Node's.
    `function f(process) { return process.env.VERCEL_OIDC_TOKEN; }`,
    // Destructuring something that is not process.env.
    `const { VERCEL_OIDC_TOKEN } = config;`,
    // A presence check with `in` does not read the value.
    `const hasToken = 'VERCEL_OIDC_TOKEN' in process.env;`,
    { code: `process.env.VERCEL_OIDC_TOKEN = 'x';`, languageOptions: jsLanguageOptions },
  ],
  invalid: [
    // --- where the getter import comes from: the /oidc entry of the functions package the file imports
    {
      code: `import { waitUntil } from '@fn-kit/functions';
export async function GET() { waitUntil(Promise.resolve()); return process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(`import { waitUntil } from '@fn-kit/functions';
import { getVercelOidcToken } from '@fn-kit/functions/oidc';
export async function GET() { waitUntil(Promise.resolve()); return await getVercelOidcToken(); }`),
      ],
    },
    // an imported getter hidden by a nested local at the read: imported again under a free alias
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export const keep = getVercelOidcToken;
export async function GET() { const getVercelOidcToken = 1; return [getVercelOidcToken, process.env.VERCEL_OIDC_TOKEN]; }`,
      errors: [
        envError(`import { getVercelOidcToken, getVercelOidcToken as getVercelOidcTokenFn } from '@vercel/oidc';
export const keep = getVercelOidcToken;
export async function GET() { const getVercelOidcToken = 1; return [getVercelOidcToken, await getVercelOidcTokenFn()]; }`),
      ],
    },
    // --- the shared env-read recognition: `process` imported from node:process, env aliases
    {
      code: `import process from 'node:process';
export async function GET() { return process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(`import process from 'node:process';
import { getVercelOidcToken } from '@vercel/oidc';
export async function GET() { return await getVercelOidcToken(); }`),
      ],
    },
    {
      code: `const env = process.env;
function read() { return env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(
          `import { getVercelOidcTokenSync } from '@vercel/oidc';
const env = process.env;
function read() { return getVercelOidcTokenSync(); }`,
          'sync',
        ),
      ],
    },
    {
      code: `import { env } from 'node:process';
export function read() { const { VERCEL_OIDC_TOKEN: t } = env; return t; }`,
      errors: [
        envError(
          `import { env } from 'node:process';
import { getVercelOidcTokenSync } from '@vercel/oidc';
export function read() { const t = getVercelOidcTokenSync(); return t; }`,
          'sync',
        ),
      ],
    },
    // --- the shared header-read recognition: a local const holding the header name
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
const TOKEN_HEADER = 'x-vercel-oidc-token';
export async function GET(req: Request) { return req.headers.get(TOKEN_HEADER); }`,
      errors: [
        headerError(`import { getVercelOidcToken } from '@vercel/oidc';
const TOKEN_HEADER = 'x-vercel-oidc-token';
export async function GET(req: Request) { return await getVercelOidcToken(); }`),
      ],
    },
    // --- process.env in async code: await the async getter, import from @vercel/oidc
    {
      code: `export async function GET() {
  const token = process.env.VERCEL_OIDC_TOKEN;
  return token;
}`,
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
export async function GET() {
  const token = await getVercelOidcToken();
  return token;
}`),
      ],
    },
    // --- sync code: the sync getter
    {
      code: `import x from 'y';
function read() { return process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(
          `import x from 'y';
import { getVercelOidcTokenSync } from '@vercel/oidc';
function read() { return getVercelOidcTokenSync(); }`,
          'sync',
        ),
      ],
    },
    // --- computed, optional chaining, TS non-null
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
const f = async () => process.env['VERCEL_OIDC_TOKEN'];`,
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
const f = async () => await getVercelOidcToken();`),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
const f = async () => process.env?.VERCEL_OIDC_TOKEN?.trim();`,
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
const f = async () => (await getVercelOidcToken())?.trim();`),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
async function f() { return process.env.VERCEL_OIDC_TOKEN!.length; }`,
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
async function f() { return (await getVercelOidcToken())!.length; }`),
      ],
    },
    {
      code: 'import { getVercelOidcToken } from "@vercel/oidc";\nasync function f() { return `Bearer ${process.env[`VERCEL_OIDC_TOKEN`]}`; }',
      errors: [
        envError(
          'import { getVercelOidcToken } from "@vercel/oidc";\nasync function f() { return `Bearer ${await getVercelOidcToken()}`; }',
        ),
      ],
    },
    // --- import.meta.env
    {
      code: `import { getVercelOidcTokenSync } from '@vercel/oidc';
export const token = () => import.meta.env.VERCEL_OIDC_TOKEN;`,
      errors: [
        envError(
          `import { getVercelOidcTokenSync } from '@vercel/oidc';
export const token = () => getVercelOidcTokenSync();`,
          'sync',
        ),
      ],
    },
    // --- reuse an existing getter import from any OIDC module: aliased, namespace, require
    {
      code: `import { getVercelOidcToken as tok } from '@vercel/functions/oidc';
export async function POST() { return process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(`import { getVercelOidcToken as tok } from '@vercel/functions/oidc';
export async function POST() { return await tok(); }`),
      ],
    },
    {
      code: `import * as oidc from '@fn-kit/functions/oidc';
export async function POST() { return process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(`import * as oidc from '@fn-kit/functions/oidc';
export async function POST() { return await oidc.getVercelOidcToken(); }`),
      ],
    },
    {
      code: `const { getVercelOidcTokenSync } = require('@vercel/oidc');
module.exports = function handler() { return process.env.VERCEL_OIDC_TOKEN; };`,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [
        envError(
          `const { getVercelOidcTokenSync } = require('@vercel/oidc');
module.exports = function handler() { return getVercelOidcTokenSync(); };`,
          'sync',
        ),
      ],
    },
    // --- merge into an existing import of the canonical module
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export const read = () => process.env.VERCEL_OIDC_TOKEN;`,
      errors: [
        envError(
          `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';
export const read = () => getVercelOidcTokenSync();`,
          'sync',
        ),
      ],
    },
    // --- CommonJS file without imports: a require is added
    {
      code: `'use strict';
exports.handler = async () => process.env.VERCEL_OIDC_TOKEN;
const other = require("other");`,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [
        envError(`'use strict';
exports.handler = async () => await getVercelOidcToken();
const other = require("other");
const { getVercelOidcToken } = require("@vercel/oidc");`),
      ],
    },
    // --- a local function named like the getter is not the API: a free alias is used
    {
      code: `function getVercelOidcTokenSync() { return 'local'; }
const read = () => process.env.VERCEL_OIDC_TOKEN;`,
      errors: [
        envError(
          `import { getVercelOidcTokenSync as getVercelOidcTokenSyncFn } from '@vercel/oidc';
function getVercelOidcTokenSync() { return 'local'; }
const read = () => getVercelOidcTokenSyncFn();`,
          'sync',
        ),
      ],
    },
    // --- module scope and class fields get the sync getter (no await possible)
    {
      code: `const token = process.env.VERCEL_OIDC_TOKEN;`,
      errors: [envError(`import { getVercelOidcTokenSync } from '@vercel/oidc';\nconst token = getVercelOidcTokenSync();`, 'sync')],
    },
    {
      code: `class Client { token = process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(`import { getVercelOidcTokenSync } from '@vercel/oidc';\nclass Client { token = getVercelOidcTokenSync(); }`, 'sync'),
      ],
    },
    {
      code: `async function f(t = process.env.VERCEL_OIDC_TOKEN) { return t; }`,
      errors: [
        envError(
          `import { getVercelOidcTokenSync } from '@vercel/oidc';\nasync function f(t = getVercelOidcTokenSync()) { return t; }`,
          'sync',
        ),
      ],
    },
    // --- destructuring: a lone binding gets a suggestion
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export async function GET() {
  const { VERCEL_OIDC_TOKEN: token } = process.env;
  return token;
}`,
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
export async function GET() {
  const token = await getVercelOidcToken();
  return token;
}`),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
function read() { let { VERCEL_OIDC_TOKEN } = process.env; return VERCEL_OIDC_TOKEN; }`,
      errors: [
        envError(
          `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';
function read() { let VERCEL_OIDC_TOKEN = getVercelOidcTokenSync(); return VERCEL_OIDC_TOKEN; }`,
          'sync',
        ),
      ],
    },
    // --- destructuring with other properties, defaults, or assignment: reported, no suggestion
    {
      code: `const { VERCEL_OIDC_TOKEN, VERCEL_ENV } = process.env;`,
      errors: [{ messageId: 'envRead', suggestions: [] }],
    },
    {
      code: `const { VERCEL_OIDC_TOKEN = '' } = process.env;`,
      errors: [{ messageId: 'envRead', suggestions: [] }],
    },
    {
      code: `let t; ({ VERCEL_OIDC_TOKEN: t } = process.env);`,
      errors: [{ messageId: 'envRead', suggestions: [] }],
    },
    {
      code: `const { ['VERCEL_OIDC_TOKEN']: t, ...rest } = process.env;`,
      errors: [{ messageId: 'envRead', suggestions: [] }],
    },
    // --- the header, any case, any read form
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export async function GET(request: Request) {
  return request.headers.get('X-Vercel-OIDC-Token');
}`,
      errors: [
        headerError(`import { getVercelOidcToken } from '@vercel/oidc';
export async function GET(request: Request) {
  return await getVercelOidcToken();
}`),
      ],
    },
    {
      code: `import { headers } from 'next/headers';
import { getVercelOidcToken } from '@vercel/oidc';
export async function action() {
  const t = (await headers()).get('x-vercel-oidc-token');
  return t;
}`,
      errors: [
        headerError(`import { headers } from 'next/headers';
import { getVercelOidcToken } from '@vercel/oidc';
export async function action() {
  const t = await getVercelOidcToken();
  return t;
}`),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export default function handler(req, res) {
  res.json({ ok: Boolean(req.headers['x-vercel-oidc-token']) });
}`,
      errors: [
        headerError(
          `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';
export default function handler(req, res) {
  res.json({ ok: Boolean(getVercelOidcTokenSync()) });
}`,
          'sync',
        ),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
app.get('/', async (req, res) => { const t = req.header('x-vercel-oidc-token'); res.end(String(t?.length)); });`,
      errors: [
        headerError(`import { getVercelOidcToken } from '@vercel/oidc';
app.get('/', async (req, res) => { const t = await getVercelOidcToken(); res.end(String(t?.length)); });`),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export async function GET(req: Request) { const { 'x-vercel-oidc-token': t } = Object.fromEntries(req.headers); return t; }`,
      errors: [
        headerError(`import { getVercelOidcToken } from '@vercel/oidc';
export async function GET(req: Request) { const t = await getVercelOidcToken(); return t; }`),
      ],
    },
    // --- JSX and TSX
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export default async function Page() { return <p>{process.env.VERCEL_OIDC_TOKEN ? 'yes' : 'no'}</p>; }`,
      languageOptions: jsLanguageOptions,
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
export default async function Page() { return <p>{await getVercelOidcToken() ? 'yes' : 'no'}</p>; }`),
      ],
    },
    {
      code: `import { getVercelOidcToken } from '@vercel/oidc';
export default async function Page(): Promise<JSX.Element> { const t = process.env.VERCEL_OIDC_TOKEN as string; return <p>{t.length}</p>; }`,
      filename: 'page.tsx',
      errors: [
        envError(`import { getVercelOidcToken } from '@vercel/oidc';
export default async function Page(): Promise<JSX.Element> { const t = await getVercelOidcToken() as string; return <p>{t.length}</p>; }`),
      ],
    },
  ],
});
