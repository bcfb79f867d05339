/**
 * The functions API under another name, through the project's own modules (fixture project
 * test/rules/fixtures/project-index/lib/background.ts, api.ts, oidc.ts): re-exports and
 * `export *` are the API in every rule; hand-off wrappers are checked for their argument.
 */
import noUnawaitedOidcToken from '../../rules/no-unawaited-oidc-token.js';
import noModuleScopeOidcToken from '../../rules/no-module-scope-oidc-token.js';
import preferAfter from '../../rules/prefer-after.js';
import validWaitUntil from '../../rules/valid-wait-until.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester } from './rule-tester.js';

const ruleTester = createRuleTester();
const route = fixture('project-index', 'app/api/orders/route.ts');
const pagesApi = fixture('project-index', 'pages/api/hook.ts');
/** With type information: the fixture project's own tsconfig (its packages are not installed, so their imports are `any`). */
const typed = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture('project-index', '') } };

ruleTester.run('valid-wait-until (project aliases)', validWaitUntil, {
  valid: [
    { filename: route, code: `import { waitUntil } from '@/lib/background';\nexport function POST() { waitUntil(fetch('/x')); }` },
    { filename: route, code: `import { background } from '@/lib/background';\nexport function POST() { background(fetch('/x')); }` },
    // `run` takes a function and calls it; `later` hands it to after(), which takes callbacks.
    { filename: route, code: `import { run, later } from '@/lib/background';\nexport function POST() { run(async () => {}); later(async () => {}); }` },
    // A function of the project that is not the API, whatever its name.
    { filename: route, code: `import { saveOrder as waitUntil } from '@/lib/orders';\nexport function POST() { waitUntil(async () => {}); }` },
    // The index off: a project module is never the API.
    { filename: route, code: `import { waitUntil } from '@/lib/background';\nexport function POST() { waitUntil(async () => {}); }`, settings: { fn: { projectIndex: false } } },
  ],
  invalid: [
    // A re-export is the API: the usual autofix.
    {
      filename: route,
      code: `import { waitUntil } from '@/lib/background';\nexport function POST() { waitUntil(async () => { await fetch('/x'); }); }`,
      output: `import { waitUntil } from '@/lib/background';\nexport function POST() { waitUntil((async () => { await fetch('/x'); })()); }`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // Renamed re-export and `export *` barrel; namespace import; await of the re-export.
    {
      filename: route,
      code: `import { keepAlive } from '@/lib/background';\nimport * as api from '@/lib/api';\nexport async function POST() { keepAlive(async () => {}); await api.waitUntil(fetch('/x')); }`,
      output: `import { keepAlive } from '@/lib/background';\nimport * as api from '@/lib/api';\nexport async function POST() { keepAlive((async () => {})()); await api.waitUntil(fetch('/x')); }`,
      errors: [
        { messageId: 'functionArgument' },
        { messageId: 'awaited', suggestions: [{ messageId: 'removeAwait', output: `import { keepAlive } from '@/lib/background';\nimport * as api from '@/lib/api';\nexport async function POST() { keepAlive(async () => {}); api.waitUntil(fetch('/x')); }` }] },
      ],
    },
    // A hand-off wrapper: its argument goes to waitUntil, so it must be a promise.
    {
      filename: route,
      code: `import { background, backgroundLogged } from '@/lib/background';\nexport function POST() { background(async () => {}); backgroundLogged(async () => {}); }`,
      output: `import { background, backgroundLogged } from '@/lib/background';\nexport function POST() { background((async () => {})()); backgroundLogged((async () => {})()); }`,
      errors: [
        { messageId: 'wrapperFunctionArgument', data: { wrapper: 'background', module: '@/lib/background' } },
        { messageId: 'wrapperFunctionArgument', data: { wrapper: 'backgroundLogged', module: '@/lib/background' } },
      ],
    },
    // With type information too: the checker sees a function, the project index sees the wrapper.
    {
      filename: 'app/api/orders/route.ts',
      code: `import { background } from '@/lib/background';\nexport function POST() { background(async () => {}); return new Response(); }`,
      output: `import { background } from '@/lib/background';\nexport function POST() { background((async () => {})()); return new Response(); }`,
      languageOptions: typed,
      errors: [{ messageId: 'wrapperFunctionArgument', data: { wrapper: 'background', module: '@/lib/background' } }],
    },
    // Module scope, through a wrapper.
    {
      filename: route,
      code: `import { background } from '@/lib/background';\nbackground(fetch('/warm'));\nexport function GET() { return new Response(); }`,
      errors: [{ messageId: 'moduleScope' }],
    },
  ],
});

ruleTester.run('prefer-after (project aliases)', preferAfter, {
  valid: [
    // Pages Router: waitUntil stays.
    { filename: pagesApi, code: `import { waitUntil } from '@/lib/background';\nexport default function handler(req, res) { waitUntil(fetch('/x')); res.end(); }` },
    // A wrapper is the project's own function: not rewritten.
    { filename: route, code: `import { background } from '@/lib/background';\nexport function POST() { background(fetch('/x')); return new Response(); }` },
  ],
  invalid: [
    {
      filename: route,
      code: `import { waitUntil } from '@/lib/background';\nexport function POST() { waitUntil(fetch('/x')); return new Response(); }`,
      output: `import { after } from 'next/server';\nexport function POST() { after(fetch('/x')); return new Response(); }`,
      errors: [{ messageId: 'preferAfter', data: { exportName: 'after', version: '15.2.0' } }],
    },
  ],
});

ruleTester.run('no-unawaited-oidc-token (project aliases)', noUnawaitedOidcToken, {
  valid: [{ filename: route, code: `import { readToken } from '@/lib/oidc';\nexport async function GET() { const token = await readToken(); return new Response(token); }` }],
  invalid: [
    // Through a re-export, async code: await added.
    {
      filename: route,
      code: `import { getVercelOidcToken } from '@/lib/oidc';\nexport async function GET() { const token = getVercelOidcToken(); return fetch('/x', { headers: { authorization: 'Bearer ' + token } }); }`,
      output: `import { getVercelOidcToken } from '@/lib/oidc';\nexport async function GET() { const token = await getVercelOidcToken(); return fetch('/x', { headers: { authorization: 'Bearer ' + token } }); }`,
      errors: [{ messageId: 'unawaitedVariable' }],
    },
    // Through a wrapper, async code: await added.
    {
      filename: route,
      code: `import { readToken } from '@/lib/oidc';\nexport async function GET() { return new Response('Bearer ' + readToken()); }`,
      output: `import { readToken } from '@/lib/oidc';\nexport async function GET() { return new Response('Bearer ' + await readToken()); }`,
      errors: [{ messageId: 'unawaited' }],
    },
    // Through a wrapper, sync code: there is no sync form of the wrapper, so no fix.
    {
      filename: route,
      code: `import { readToken } from '@/lib/oidc';\nexport function GET() { return new Response('Bearer ' + readToken()); }`,
      errors: [{ messageId: 'unawaited' }],
    },
  ],
});

ruleTester.run('no-module-scope-oidc-token (project aliases)', noModuleScopeOidcToken, {
  valid: [{ filename: route, code: `import { readToken } from '@/lib/oidc';\nexport async function GET() { return new Response(await readToken()); }` }],
  invalid: [
    {
      filename: route,
      code: `import { readToken } from '@/lib/oidc';\nconst token = await readToken();\nexport function GET() { return new Response(token); }`,
      errors: [{ messageId: 'moduleScope' }],
    },
  ],
});
