import rule from '../../rules/no-unawaited-oidc-token.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const typedFile = 'file.ts';
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture('typed', '') } };
const cjs = { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' as const } };

const UNAWAITED = { messageId: 'unawaited' as const };
const variable = (name: string) => ({
  messageId: 'unawaitedVariable' as const,
  data: { name, asyncGetter: 'getVercelOidcToken', syncGetter: 'getVercelOidcTokenSync' },
});

const imp = `import { getVercelOidcToken } from '@vercel/oidc';\n`;

ruleTester.run('no-unawaited-oidc-token', rule, {
  valid: [
    // Awaited, returned, chained, combined.
    `${imp}export async function GET() { const t = await getVercelOidcToken(); return t; }`,
    `${imp}export function token() { return getVercelOidcToken(); }`,
    `${imp}export const token = () => getVercelOidcToken();`,
    `${imp}getVercelOidcToken().then((t) => use(t)).catch(report);`,
    `${imp}async function f() { const [t, u] = await Promise.all([getVercelOidcToken(), other()]); return t + u; }`,
    `${imp}async function f() { const p = getVercelOidcToken(); doOther(); const t = await p; return \`Bearer \${t}\`; }`,
    `${imp}async function f() { const p = getVercelOidcToken(); return p.then((t) => t.length); }`,
    `${imp}test('rejects', async () => { await expect(getVercelOidcToken()).rejects.toThrow(); });`,
    `${imp}void getVercelOidcToken();`,
    `${imp}async function f() { return (await getVercelOidcToken()).length; }`,
    // Passing the getter, not its result.
    `${imp}const client = createClient({ tokenProvider: getVercelOidcToken });`,
    // The sync getter returns the string.
    `import { getVercelOidcTokenSync } from '@vercel/oidc';\nconst h = { Authorization: \`Bearer \${getVercelOidcTokenSync()}\` };`,
    // A local function with the getter's name is not the API.
    `function getVercelOidcToken() { return 'local'; }\nconst h = \`Bearer \${getVercelOidcToken()}\`;`,
    // Not the OIDC module.
    `import { getVercelOidcToken } from './my-oidc';\nconst h = \`Bearer \${getVercelOidcToken()}\`;`,
    // With type information: a parameter that takes the promise, or unknown.
    {
      code: `${imp}declare function take(p: Promise<string>): void; declare function log(v: unknown): void;
take(getVercelOidcToken()); log(getVercelOidcToken());
const holder: { token: Promise<string> } = { token: getVercelOidcToken() };`,
      filename: typedFile,
      languageOptions: typedOptions,
    },
    { code: `${imp}export async function GET() { return getVercelOidcToken(); }`, languageOptions: jsLanguageOptions },
  ],
  invalid: [
    // the imported sync getter is hidden by a nested local at the call: not reused; the async import is renamed to a free alias
    {
      code: `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';\nexport const keep = getVercelOidcTokenSync;\nfunction h() { const getVercelOidcTokenSync = 1; return \`\${getVercelOidcToken()}\${getVercelOidcTokenSync}\`; }`,
      output: `import { getVercelOidcTokenSync as getVercelOidcTokenSyncFn, getVercelOidcTokenSync } from '@vercel/oidc';\nexport const keep = getVercelOidcTokenSync;\nfunction h() { const getVercelOidcTokenSync = 1; return \`\${getVercelOidcTokenSyncFn()}\${getVercelOidcTokenSync}\`; }`,
      errors: [UNAWAITED],
    },
    // an added sync-getter import never names the deprecated @vercel/functions/oidc entry point
    {
      code: `import { getVercelOidcToken } from '@vercel/functions/oidc';\nconst a = \`\${getVercelOidcToken()}\`;\nconst b = \`\${getVercelOidcToken()}\`;`,
      output: [
        `import { getVercelOidcToken } from '@vercel/functions/oidc';\nimport { getVercelOidcTokenSync } from '@vercel/oidc';\nconst a = \`\${getVercelOidcTokenSync()}\`;\nconst b = \`\${getVercelOidcToken()}\`;`,
        `import { getVercelOidcTokenSync } from '@vercel/oidc';\nconst a = \`\${getVercelOidcTokenSync()}\`;\nconst b = \`\${getVercelOidcTokenSync()}\`;`,
      ],
      errors: [UNAWAITED, UNAWAITED],
    },
    // --- async code: add await (parenthesised where needed)
    {
      code: `${imp}export async function GET() {
  return fetch('https://api', { headers: { Authorization: \`Bearer \${getVercelOidcToken()}\` } });
}`,
      output: `${imp}export async function GET() {
  return fetch('https://api', { headers: { Authorization: \`Bearer \${await getVercelOidcToken()}\` } });
}`,
      errors: [{ ...UNAWAITED, line: 3, column: 69 }],
    },
    {
      code: `${imp}async function f() { return getVercelOidcToken().length; }`,
      output: `${imp}async function f() { return (await getVercelOidcToken()).length; }`,
      errors: [UNAWAITED],
    },
    {
      code: `${imp}async function f() { return 'Bearer ' + getVercelOidcToken(); }`,
      output: `${imp}async function f() { return 'Bearer ' + await getVercelOidcToken(); }`,
      errors: [UNAWAITED],
    },
    {
      code: `${imp}async function f() { return getVercelOidcToken()?.split('.'); }`,
      output: `${imp}async function f() { return (await getVercelOidcToken())?.split('.'); }`,
      errors: [UNAWAITED],
    },
    {
      code: `${imp}const f = async () => ({ headers: { authorization: getVercelOidcToken() } });`,
      output: `${imp}const f = async () => ({ headers: { authorization: await getVercelOidcToken() } });`,
      errors: [UNAWAITED],
    },
    {
      code: `${imp}async function f() { if (getVercelOidcToken()) return 1; }`,
      output: `${imp}async function f() { if (await getVercelOidcToken()) return 1; }`,
      errors: [UNAWAITED],
    },
    // without type information any argument counts as a string position
    {
      code: `${imp}async function f(client) { await client.auth(getVercelOidcToken()); }`,
      output: `${imp}async function f(client) { await client.auth(await getVercelOidcToken()); }`,
      errors: [UNAWAITED],
    },
    // --- a local holding the promise, used as a string
    {
      code: `${imp}async function f() {
  const token = getVercelOidcToken();
  return fetch('https://api', { headers: { Authorization: \`Bearer \${token}\` } });
}`,
      output: `${imp}async function f() {
  const token = await getVercelOidcToken();
  return fetch('https://api', { headers: { Authorization: \`Bearer \${token}\` } });
}`,
      errors: [{ ...variable('token'), line: 3, column: 17 }],
    },
    {
      code: `${imp}async function f() { const token = getVercelOidcToken(); const t = await token; return token + t; }`,
      output: `${imp}async function f() { const token = await getVercelOidcToken(); const t = await token; return token + t; }`,
      errors: [variable('token')],
    },
    // used both as a promise and as a string: reported, no fix
    {
      code: `${imp}async function f() { const token = getVercelOidcToken(); token.then(log); return \`\${token}\`; }`,
      output: null,
      errors: [variable('token')],
    },
    // --- sync code: switch to the sync getter, renaming a now-unused import
    {
      code: `${imp}export function headers() { return { Authorization: \`Bearer \${getVercelOidcToken()}\` }; }`,
      output: `import { getVercelOidcTokenSync } from '@vercel/oidc';\nexport function headers() { return { Authorization: \`Bearer \${getVercelOidcTokenSync()}\` }; }`,
      errors: [UNAWAITED],
    },
    // the async getter is still used elsewhere: keep it, merge the sync one into the same import
    {
      code: `${imp}export function headers() { return { Authorization: 'Bearer ' + getVercelOidcToken() }; }
export async function later() { return getVercelOidcToken(); }`,
      output: `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';\nexport function headers() { return { Authorization: 'Bearer ' + getVercelOidcTokenSync() }; }
export async function later() { return getVercelOidcToken(); }`,
      errors: [UNAWAITED],
    },
    // the sync getter is already imported (another module): reuse it, drop the unused async import
    {
      code: `import { getVercelOidcToken } from '@vercel/functions/oidc';
import { getVercelOidcTokenSync as syncTok } from '@vercel/oidc';
const t = \`\${getVercelOidcToken()}\`;
const u = syncTok();`,
      output: `import { getVercelOidcTokenSync as syncTok } from '@vercel/oidc';
const t = \`\${syncTok()}\`;
const u = syncTok();`,
      errors: [UNAWAITED],
    },
    // aliased import, renamed in place
    {
      code: `import { getVercelOidcToken as tok } from '@fn-kit/functions/oidc';\nconst h = 'Bearer ' + tok();`,
      output: `import { getVercelOidcTokenSync } from '@fn-kit/functions/oidc';\nconst h = 'Bearer ' + getVercelOidcTokenSync();`,
      errors: [UNAWAITED],
    },
    // namespace import and require: same object, sync name
    {
      code: `import * as oidc from '@vercel/functions/oidc';\nconst h = \`Bearer \${oidc.getVercelOidcToken()}\`;`,
      output: `import * as oidc from '@vercel/functions/oidc';\nconst h = \`Bearer \${oidc.getVercelOidcTokenSync()}\`;`,
      errors: [UNAWAITED],
    },
    {
      code: `const oidc = require('@vercel/oidc');\nmodule.exports = () => 'Bearer ' + oidc['getVercelOidcToken']();`,
      output: `const oidc = require('@vercel/oidc');\nmodule.exports = () => 'Bearer ' + oidc.getVercelOidcTokenSync();`,
      languageOptions: cjs,
      errors: [UNAWAITED],
    },
    {
      code: `const { getVercelOidcToken } = require('@vercel/oidc');\nfunction h() { return 'Bearer ' + getVercelOidcToken(); }`,
      output: `const { getVercelOidcTokenSync } = require('@vercel/oidc');\nfunction h() { return 'Bearer ' + getVercelOidcTokenSync(); }`,
      languageOptions: cjs,
      errors: [UNAWAITED],
    },
    // a local named like the sync getter: the renamed import takes a free alias
    {
      code: `${imp}const getVercelOidcTokenSync = () => 'x';\nfunction h() { return \`\${getVercelOidcToken()}\`; }`,
      output: `import { getVercelOidcTokenSync as getVercelOidcTokenSyncFn } from '@vercel/oidc';\nconst getVercelOidcTokenSync = () => 'x';\nfunction h() { return \`\${getVercelOidcTokenSyncFn()}\`; }`,
      errors: [UNAWAITED],
    },
    // a local holding the promise in sync code
    {
      code: `${imp}function h() { const t = getVercelOidcToken(); return t.length > 0; }`,
      output: `import { getVercelOidcTokenSync } from '@vercel/oidc';\nfunction h() { const t = getVercelOidcTokenSync(); return t.length > 0; }`,
      errors: [variable('t')],
    },
    // two calls in sync code: the second pass reuses the import the first added and drops the unused one
    {
      code: `${imp}const a = \`\${getVercelOidcToken()}\`;\nconst b = \`\${getVercelOidcToken()}\`;`,
      output: [
        `import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';\nconst a = \`\${getVercelOidcTokenSync()}\`;\nconst b = \`\${getVercelOidcToken()}\`;`,
        `import { getVercelOidcTokenSync } from '@vercel/oidc';\nconst a = \`\${getVercelOidcTokenSync()}\`;\nconst b = \`\${getVercelOidcTokenSync()}\`;`,
      ],
      errors: [UNAWAITED, UNAWAITED],
    },
    // JSX / TSX
    {
      code: `${imp}export default async function Page() { return <p>{getVercelOidcToken()}</p>; }`,
      output: `${imp}export default async function Page() { return <p>{await getVercelOidcToken()}</p>; }`,
      languageOptions: jsLanguageOptions,
      errors: [UNAWAITED],
    },
    {
      code: `${imp}export default async function Page(): Promise<JSX.Element> { const t = getVercelOidcToken() as unknown as string; return <p>{t}</p>; }`,
      output: `${imp}export default async function Page(): Promise<JSX.Element> { const t = await getVercelOidcToken() as unknown as string; return <p>{t}</p>; }`,
      filename: 'page.tsx',
      errors: [variable('t')],
    },
    // --- with type information: the promise where a string is expected
    {
      code: `${imp}declare function sign(token: string): void;\nexport async function f() { sign(getVercelOidcToken()); }`,
      output: `${imp}declare function sign(token: string): void;\nexport async function f() { sign(await getVercelOidcToken()); }`,
      filename: typedFile,
      languageOptions: typedOptions,
      errors: [UNAWAITED],
    },
    {
      code: `${imp}export function f() { const init: RequestInit = { headers: { Authorization: getVercelOidcToken() } }; return init; }`,
      output: `import { getVercelOidcTokenSync } from '@vercel/oidc';\nexport function f() { const init: RequestInit = { headers: { Authorization: getVercelOidcTokenSync() } }; return init; }`,
      filename: typedFile,
      languageOptions: typedOptions,
      errors: [UNAWAITED],
    },
  ],
});
