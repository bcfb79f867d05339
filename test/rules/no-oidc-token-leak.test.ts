import rule from '../../rules/no-oidc-token-leak.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();

const leak = (sink: string) => ({ messageId: 'leak' as const, data: { sink } });
const LOG = leak('a log call');
const RESPONSE = leak('a response');
const RENDER = leak('rendered output');
const ERROR = leak('an error');
const URL_SINK = leak('a URL');

const imp = `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';\n`;

ruleTester.run('no-oidc-token-leak', rule, {
  valid: [
    // The correct use: an Authorization header on an outgoing request.
    `${imp}export async function GET() {
  const token = await getVercelOidcToken();
  return fetch('https://api.example.com/data', { headers: { Authorization: \`Bearer \${token}\` } });
}`,
    `${imp}export async function GET() {
  const init = { headers: { authorization: 'Bearer ' + getVercelOidcTokenSync() } };
  const res = await fetch(new URL('/data', 'https://api.example.com'), init);
  return new Response(await res.text());
}`,
    // Harmless uses: length, presence, conditions.
    `${imp}async function f() { const token = await getVercelOidcToken(); console.log(token.length); console.log(\`token length \${token.length}\`); }`,
    `${imp}async function f() { const token = await getVercelOidcToken(); console.log(Boolean(token)); console.info(token ? 'present' : 'missing'); }`,
    `${imp}async function f() { const token = await getVercelOidcToken(); if (!token) throw new Error('no OIDC token'); }`,
    `${imp}function f() { logger.info('token present:', !!process.env.VERCEL_OIDC_TOKEN); }`,
    // Passing the getter itself is fine.
    `${imp}const client = createClient({ tokenProvider: getVercelOidcToken }); console.log(client);`,
    // The unawaited promise is not the token (no-unawaited-oidc-token reports misuse).
    `${imp}async function f() { const p = getVercelOidcToken(); console.log('fetching', typeof p); }`,
    // A shadowing local function is not the API.
    `function getVercelOidcToken() { return 'not a secret'; }
console.log(getVercelOidcToken());`,
    // Only the property read matters.
    `${imp}async function f() {
  const cfg = { url: 'https://api.example.com', token: await getVercelOidcToken() };
  console.log(cfg.url);
  await fetch(cfg.url, { headers: { Authorization: \`Bearer \${cfg.token}\` } });
}`,
    // Something else entirely.
    `async function f(req) { const id = req.headers.get('x-vercel-id'); console.log(id); }`,
    // A parameter holding the token is out of reach (no inter-procedural tracking).
    `function show(token) { console.log(token); }`,
    // Non-logger objects and other methods.
    `${imp}async function f(cache) { cache.info(await getVercelOidcToken()); logger.child({ name: 'x' }); }`,
    // A local fetch wrapper is not global fetch.
    `${imp}async function f(fetch) { await fetch(\`https://x/?t=\${await getVercelOidcToken()}\`); }`,
    { code: `${imp}async function f() { const t = await getVercelOidcToken(); console.log(t.length); }`, languageOptions: jsLanguageOptions },
  ],
  invalid: [
    // The env var through an alias of process.env; the header through Express's req.header().
    { code: `const env = process.env;\nexport function GET() { console.log(env.VERCEL_OIDC_TOKEN); }`, errors: [LOG] },
    {
      code: `app.get('/', (req, res) => { const t = req.header('x-vercel-oidc-token'); res.send(t); });`,
      errors: [RESPONSE],
    },
    // --- logs: direct, through locals, templates, concatenation, objects
    { code: `${imp}async function f() { console.log(await getVercelOidcToken()); }`, errors: [LOG] },
    {
      code: `${imp}async function f() {
  const token = await getVercelOidcToken();
  const header = \`Bearer \${token}\`;
  console.debug('calling with', header);
}`,
      errors: [{ ...LOG, line: 5, column: 33 }],
    },
    {
      code: `${imp}function f() { let t; t = getVercelOidcTokenSync(); const msg = 'token=' + t; logger.info(msg); }`,
      errors: [LOG],
    },
    {
      code: `${imp}async function f() { const token = await getVercelOidcToken(); console.log({ headers: { Authorization: \`Bearer \${token}\` } }); }`,
      errors: [LOG],
    },
    {
      code: `${imp}async function f() { const token = await getVercelOidcToken(); this.logger.warn(['t', token].join(':')); }`,
      errors: [LOG],
    },
    { code: `${imp}async function f() { const t = (await getVercelOidcToken()).trim(); consola.error(String(t)); }`, errors: [LOG] },
    // configured logger names
    {
      code: `${imp}async function f() { const t = await getVercelOidcToken(); pino.info({ t }); }`,
      options: [{ loggers: ['pino'] }],
      errors: [LOG],
    },
    // env var and header, with destructuring
    { code: `console.log(process.env.VERCEL_OIDC_TOKEN);`, errors: [LOG] },
    { code: `const { VERCEL_OIDC_TOKEN: t } = process.env;\nconsole.log(\`t=\${t}\`);`, errors: [LOG] },
    { code: `export function GET(req: Request) { const t = req.headers.get('x-vercel-oidc-token'); console.log(t ?? 'none'); }`, errors: [LOG] },
    // .then callback parameter
    { code: `${imp}getVercelOidcToken().then((token) => console.log(token));`, errors: [LOG] },
    // promise kept in a local and awaited later
    { code: `${imp}async function f() { const p = getVercelOidcToken(); const t = await p; console.log(t); }`, errors: [LOG] },
    // --- responses
    { code: `${imp}export async function GET() { return new Response(await getVercelOidcToken()); }`, errors: [RESPONSE] },
    { code: `${imp}export async function GET() { const token = await getVercelOidcToken(); return Response.json({ token }); }`, errors: [RESPONSE] },
    {
      code: `${imp}import { NextResponse } from 'next/server';
export async function GET() { const token = await getVercelOidcToken(); return NextResponse.json({ ok: true, debug: { token } }); }`,
      errors: [RESPONSE],
    },
    {
      code: `${imp}export default async function handler(req, res) { const t = await getVercelOidcToken(); res.status(200).json({ t }); }`,
      errors: [RESPONSE],
    },
    {
      code: `${imp}export default function handler(req, res) { res.setHeader('x-token', getVercelOidcTokenSync()); res.end(); }`,
      errors: [RESPONSE],
    },
    { code: `${imp}export async function GET() { return new Response('ok', { headers: { 'x-debug': await getVercelOidcToken() } }); }`, errors: [RESPONSE] },
    // --- errors
    {
      code: `${imp}async function f() { const token = await getVercelOidcToken(); throw new Error(\`STS refused token \${token}\`); }`,
      errors: [ERROR],
    },
    { code: `${imp}async function f() { const token = await getVercelOidcToken(); throw token; }`, errors: [ERROR] },
    { code: `${imp}function f() { return Promise.reject(new TypeError('bad ' + getVercelOidcTokenSync())); }`, errors: [ERROR] },
    // --- URLs
    {
      code: `${imp}async function f() { const token = await getVercelOidcToken(); return fetch(\`https://api.example.com/data?token=\${token}\`); }`,
      errors: [URL_SINK],
    },
    {
      code: `${imp}async function f() { const url = 'https://api.example.com/data?token=' + encodeURIComponent(await getVercelOidcToken()); return fetch(url); }`,
      errors: [URL_SINK],
    },
    {
      code: `${imp}async function f() { const u = new URL('https://x'); u.searchParams.set('token', await getVercelOidcToken()); }`,
      errors: [URL_SINK],
    },
    {
      code: `${imp}async function f() { const params = new URLSearchParams(); params.append('t', await getVercelOidcToken()); }`,
      errors: [URL_SINK],
    },
    {
      code: `${imp}async function f() { const t = await getVercelOidcToken(); return fetch(new URL(\`/x?t=\${t}\`, 'https://api')); }`,
      errors: [URL_SINK],
    },
    {
      code: `${imp}async function f() { const qs = new URLSearchParams({ token: await getVercelOidcToken() }); await fetch(\`https://api/x?\${qs}\`); }`,
      errors: [URL_SINK, URL_SINK],
    },
    // --- namespace and require forms of every OIDC module
    { code: `import * as oidc from '@vercel/functions/oidc';\nasync function f() { console.log(await oidc.getVercelOidcToken()); }`, errors: [LOG] },
    { code: `import { getVercelOidcTokenSync as tok } from '@fn-kit/functions/oidc';\nconsole.log(tok());`, errors: [LOG] },
    {
      code: `const { getVercelOidcToken } = require('@vercel/oidc');\nasync function f() { console.log(await getVercelOidcToken()); }`,
      languageOptions: jsLanguageOptions,
      errors: [LOG],
    },
    {
      code: `import * as wrap from '~/lib/oidc';\nasync function f() { console.log(await wrap.getVercelOidcToken()); }`,
      settings: { fn: { runtimeModules: ['~/lib/oidc'] } },
      errors: [LOG],
    },
    // --- JSX
    {
      code: `${imp}export default async function Page() { const token = await getVercelOidcToken(); return <pre>{token}</pre>; }`,
      languageOptions: jsLanguageOptions,
      errors: [RENDER],
    },
    {
      code: `${imp}export default async function Page(): Promise<JSX.Element> { const token = await getVercelOidcToken(); return <Client token={token as string} />; }`,
      filename: 'page.tsx',
      errors: [RENDER],
    },
  ],
});
