import rule from '../../rules/no-module-scope-oidc-token.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();

const MODULE = { messageId: 'moduleScope' as const };
const cached = (name: string) => ({
  messageId: 'cached' as const,
  data: { name, asyncGetter: 'getVercelOidcToken', awsProvider: 'awsCredentialsProvider' },
});

const imp = `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';\n`;

ruleTester.run('no-module-scope-oidc-token', rule, {
  valid: [
    // Per use, inside the handler.
    `${imp}export async function GET() { const token = await getVercelOidcToken(); return fetch('https://x', { headers: { Authorization: \`Bearer \${token}\` } }); }`,
    `${imp}export function handler() { return getVercelOidcTokenSync(); }`,
    // Passing the getter itself, at module scope too.
    `${imp}export const client = createClient({ tokenProvider: getVercelOidcToken });`,
    `${imp}const provider = () => getVercelOidcToken();`,
    // awsCredentialsProvider at module scope reads a fresh token per call.
    `import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';
export const credentials = awsCredentialsProvider({ roleArn: process.env.AWS_ROLE_ARN! });`,
    // A local variable inside the function is fine.
    `${imp}export async function GET() { let token; token = await getVercelOidcToken(); const cache = new Map(); cache.set('t', token); return token; }`,
    // A shadowing local getter.
    `function getVercelOidcTokenSync() { return 'local'; }\nconst t = getVercelOidcTokenSync();`,
    // Instance fields run per construction, not at module load.
    `${imp}class Client { token = getVercelOidcTokenSync(); }`,
    // Module-level state assigned something else.
    `${imp}let lastCall = 0; export async function GET() { lastCall = Date.now(); const t = await getVercelOidcToken(); return t.length; }`,
    // Writing the env var is not a read; other env vars are fine.
    `process.env.VERCEL_OIDC_TOKEN = 'test';\nconst region = process.env.VERCEL_REGION;`,
    // Closure caches are out of scope (documented limit).
    `${imp}export function makeClient() { let token; return async () => { token = await getVercelOidcToken(); return token; }; }`,
    { code: `${imp}export async function GET() { return getVercelOidcToken(); }`, languageOptions: jsLanguageOptions },
  ],
  invalid: [
    // The env var through an alias of process.env, read while the module loads.
    { code: `const env = process.env;\nexport const token = env.VERCEL_OIDC_TOKEN;`, errors: [MODULE] },
    { code: `let t;\n({ VERCEL_OIDC_TOKEN: t } = process.env);`, errors: [MODULE] },
    // --- fetched at module scope
    { code: `${imp}const token = await getVercelOidcToken();`, errors: [{ ...MODULE, line: 2, column: 21 }] },
    { code: `${imp}export const token = getVercelOidcTokenSync();`, errors: [MODULE] },
    { code: `${imp}const tokenPromise = getVercelOidcToken();`, errors: [MODULE] },
    { code: `${imp}getVercelOidcToken().then((t) => { globalThis.t = t; });`, errors: [MODULE, cached('globalThis')] },
    {
      code: `${imp}import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ credentials: { token: getVercelOidcTokenSync() } });`,
      errors: [MODULE],
    },
    { code: `${imp}class Client { static token = getVercelOidcTokenSync(); }`, errors: [MODULE] },
    { code: `${imp}class Client { static { this.token = getVercelOidcTokenSync(); } }`, errors: [MODULE] },
    // env var at module scope, any syntax
    { code: `const token = process.env.VERCEL_OIDC_TOKEN;`, errors: [MODULE] },
    { code: `export const headers = { Authorization: \`Bearer \${process.env['VERCEL_OIDC_TOKEN']}\` };`, errors: [MODULE] },
    { code: `const { VERCEL_OIDC_TOKEN: token, VERCEL_ENV } = process.env;`, errors: [MODULE] },
    // every OIDC module and import form
    { code: `import * as oidc from '@vercel/functions/oidc';\nconst t = oidc.getVercelOidcTokenSync();`, errors: [MODULE] },
    { code: `import { getVercelOidcToken as tok } from '@fn-kit/functions/oidc';\nconst t = await tok();`, errors: [MODULE] },
    {
      code: `const { getVercelOidcTokenSync } = require('@vercel/oidc');\nconst t = getVercelOidcTokenSync();`,
      languageOptions: jsLanguageOptions,
      errors: [MODULE],
    },
    { code: `const t = require('@vercel/oidc').getVercelOidcTokenSync();`, languageOptions: jsLanguageOptions, errors: [MODULE] },
    // --- cached in module-level state from inside a function
    {
      code: `${imp}let cached: string | undefined;
export async function getToken() {
  if (!cached) cached = await getVercelOidcToken();
  return cached;
}`,
      errors: [{ ...cached('cached'), line: 4, column: 16 }],
    },
    {
      code: `${imp}let pending;
export function getToken() { return (pending ??= getVercelOidcToken()); }`,
      errors: [cached('pending')],
    },
    {
      code: `${imp}const cache = {};
export async function GET() { const token = await getVercelOidcToken(); cache.token = token; return new Response('ok'); }`,
      errors: [cached('cache')],
    },
    {
      code: `${imp}const tokens = new Map();
export async function GET(req) { const t = \`Bearer \${await getVercelOidcToken()}\`; tokens.set(req.url, t); }`,
      errors: [cached('tokens')],
    },
    {
      code: `export function GET() { globalThis.__oidc = process.env.VERCEL_OIDC_TOKEN; }`,
      errors: [cached('globalThis')],
    },
    {
      code: `export function GET(req: Request) { const state = req.headers.get('x-vercel-oidc-token'); lastToken = state; }`,
      errors: [cached('lastToken')],
    },
    {
      code: `${imp}export let token = '';
getVercelOidcToken().then((t) => { token = t; });`,
      errors: [MODULE, cached('token')],
    },
    // CommonJS script: top-level variables are globals
    {
      code: `const { getVercelOidcToken } = require('@vercel/oidc');
var cachedToken = null;
module.exports = async function handler() { cachedToken = await getVercelOidcToken(); };`,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [cached('cachedToken')],
    },
    // TSX
    {
      code: `${imp}let token: string;
export default async function Page(): Promise<JSX.Element> { token ||= await getVercelOidcToken(); return <p>ok</p>; }`,
      filename: 'page.tsx',
      errors: [cached('token')],
    },
  ],
});
