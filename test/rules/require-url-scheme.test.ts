import rule from '../../rules/require-url-scheme.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const error = (name: string, sink: string) => ({ messageId: 'missingScheme' as const, data: { name, sink } });

ruleTester.run('require-url-scheme', rule, {
  valid: [
    // a scheme first
    'fetch(`https://${process.env.VERCEL_URL}/api/sendmail`);',
    "fetch('https://' + process.env.VERCEL_URL + '/api');",
    'new URL(`/api`, `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}`);',
    // the host somewhere else than at the start
    'fetch(`https://example.com/?from=${process.env.VERCEL_URL}`);',
    "fetch('/api/x?host=' + process.env.VERCEL_URL);",
    // variables that are not bare hosts
    'fetch(`${process.env.API_URL}/x`);',
    'fetch(`${process.env.VERCEL_ENV}/x`);',
    // checked or normalised first: a ternary, a function, a test of the scheme
    "const base = process.env.VERCEL_URL ? `https://${process.env.VERCEL_URL}` : 'http://localhost:3000'; fetch(`${base}/api`);",
    'fetch(`${withScheme(process.env.VERCEL_URL)}/api`);',
    "if (process.env.VERCEL_URL.startsWith('http')) fetch(`${process.env.VERCEL_URL}/api`);",
    // a `let` may have been normalised: not followed
    "let host = process.env.VERCEL_URL; if (!host.includes('://')) host = 'https://' + host; fetch(`${host}/api`);",
    // not a URL sink
    'console.log(`${process.env.VERCEL_URL}/api`);',
    'const link = `${process.env.VERCEL_URL}/api`;',
    "const { url } = { url: 'x' };",
    // a local process, fetch, URL: not the real ones
    'function f(process) { return fetch(`${process.env.VERCEL_URL}/api`); }',
    'function f(fetch) { return fetch(`${process.env.VERCEL_URL}/api`); }',
    'class URL { constructor(x) {} } new URL(process.env.VERCEL_URL);',
    "import { redirect } from './my-redirect'; redirect(`${process.env.VERCEL_URL}/x`);",
    // getEnv() from somewhere else, a generated-looking module that is not the generator's
    "import { getEnv } from './env'; fetch(`${getEnv().VERCEL_URL}/api`);",
    "import { systemEnv } from './system'; fetch(`${systemEnv.VERCEL_URL}/api`);",
    { code: 'fetch(`https://${process.env.VERCEL_URL}/api`);', languageOptions: jsLanguageOptions },
  ],
  invalid: [
    // the bug report: the head of a template literal
    {
      code: 'await fetch(`${process.env.VERCEL_URL}/api/sendmail`, { method: "POST" });',
      output: 'await fetch(`https://${process.env.VERCEL_URL}/api/sendmail`, { method: "POST" });',
      errors: [error('VERCEL_URL', '`fetch()`')],
    },
    // espree; the NEXT_PUBLIC_ form; process.env['...']
    {
      code: "fetch(`${process.env['NEXT_PUBLIC_VERCEL_URL']}/api`);",
      output: "fetch(`https://${process.env['NEXT_PUBLIC_VERCEL_URL']}/api`);",
      errors: [error('NEXT_PUBLIC_VERCEL_URL', '`fetch()`')],
      languageOptions: jsLanguageOptions,
    },
    // + concatenation; import.meta.env; the whole URL is the host
    {
      code: "fetch(process.env.VERCEL_BRANCH_URL + '/api'); fetch(import.meta.env.VERCEL_URL);",
      output: "fetch(`https://${process.env.VERCEL_BRANCH_URL}` + '/api'); fetch(`https://${import.meta.env.VERCEL_URL}`);",
      errors: [error('VERCEL_BRANCH_URL', '`fetch()`'), error('VERCEL_URL', '`fetch()`')],
    },
    // new URL: input and base; new Request
    {
      code: "new URL('/api', process.env.VERCEL_PROJECT_PRODUCTION_URL); new URL(`${process.env.VERCEL_URL}/x`); new Request(`${process.env.VERCEL_URL}/y`);",
      output:
        "new URL('/api', `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}`); new URL(`https://${process.env.VERCEL_URL}/x`); new Request(`https://${process.env.VERCEL_URL}/y`);",
      errors: [
        error('VERCEL_PROJECT_PRODUCTION_URL', '`new URL()` as the base'),
        error('VERCEL_URL', '`new URL()`'),
        error('VERCEL_URL', '`new Request()`'),
      ],
    },
    // redirects: Response, NextResponse (aliased), next/navigation (aliased)
    {
      code: `import { NextResponse as NR } from 'next/server';
import { redirect as go, permanentRedirect } from 'next/navigation';
export function GET() {
  go(\`\${process.env.VERCEL_URL}/a\`);
  permanentRedirect(\`\${process.env.VERCEL_URL}/b\`);
  NR.rewrite(\`\${process.env.VERCEL_URL}/c\`);
  return Response.redirect(\`\${process.env.VERCEL_URL}/d\`);
}`,
      output: `import { NextResponse as NR } from 'next/server';
import { redirect as go, permanentRedirect } from 'next/navigation';
export function GET() {
  go(\`https://\${process.env.VERCEL_URL}/a\`);
  permanentRedirect(\`https://\${process.env.VERCEL_URL}/b\`);
  NR.rewrite(\`https://\${process.env.VERCEL_URL}/c\`);
  return Response.redirect(\`https://\${process.env.VERCEL_URL}/d\`);
}`,
      errors: [
        error('VERCEL_URL', '`redirect()`'),
        error('VERCEL_URL', '`permanentRedirect()`'),
        error('VERCEL_URL', '`NextResponse.rewrite()`'),
        error('VERCEL_URL', '`Response.redirect()`'),
      ],
    },
    // url / baseURL / baseUrl options
    {
      code: "axios.create({ baseURL: `${process.env.VERCEL_URL}/api` }); httpBatchLink({ url: `${process.env.VERCEL_URL}/api/trpc` }); f({ 'baseUrl': process.env.VERCEL_URL });",
      output:
        "axios.create({ baseURL: `https://${process.env.VERCEL_URL}/api` }); httpBatchLink({ url: `https://${process.env.VERCEL_URL}/api/trpc` }); f({ 'baseUrl': `https://${process.env.VERCEL_URL}` });",
      errors: [error('VERCEL_URL', 'the `baseURL` option'), error('VERCEL_URL', 'the `url` option'), error('VERCEL_URL', 'the `baseUrl` option')],
    },
    // through a const holding the template: the fix goes to the const, reported once
    {
      code: "const base = `${process.env.VERCEL_URL}`; fetch(base + '/x'); fetch(`${base}/y`);",
      output: "const base = `https://${process.env.VERCEL_URL}`; fetch(base + '/x'); fetch(`${base}/y`);",
      errors: [error('VERCEL_URL', '`fetch()`')],
    },
    // a const holding the host; destructured process.env; an env alias
    {
      code: `const host = process.env.VERCEL_URL;
const { VERCEL_BRANCH_URL: branch } = process.env;
const env = process.env;
fetch(\`\${host}/a\`); fetch(\`\${branch}/b\`); fetch(\`\${env.VERCEL_URL}/c\`);`,
      output: `const host = process.env.VERCEL_URL;
const { VERCEL_BRANCH_URL: branch } = process.env;
const env = process.env;
fetch(\`https://\${host}/a\`); fetch(\`https://\${branch}/b\`); fetch(\`https://\${env.VERCEL_URL}/c\`);`,
      errors: [error('VERCEL_URL', '`fetch()`'), error('VERCEL_BRANCH_URL', '`fetch()`'), error('VERCEL_URL', '`fetch()`')],
    },
    // process imported from node:process under another name; TS wrappers
    {
      code: "import proc from 'node:process'; fetch(`${proc.env.VERCEL_URL as string}/x`); fetch(process.env.VERCEL_URL! + '/y');",
      output:
        "import proc from 'node:process'; fetch(`https://${proc.env.VERCEL_URL as string}/x`); fetch(`https://${process.env.VERCEL_URL!}` + '/y');",
      errors: [error('VERCEL_URL', '`fetch()`'), error('VERCEL_URL', '`fetch()`')],
    },
    // getEnv(): direct, stored, destructured; aliased and namespace imports
    {
      code: `import { getEnv as ge } from '@vercel/functions';
import * as fns from '@fn-kit/functions';
const e = fns.getEnv();
const { VERCEL_PROJECT_PRODUCTION_URL } = ge();
fetch(\`\${ge().VERCEL_URL}/a\`); fetch(\`\${e.VERCEL_BRANCH_URL}/b\`); fetch(\`\${VERCEL_PROJECT_PRODUCTION_URL}/c\`);`,
      output: `import { getEnv as ge } from '@vercel/functions';
import * as fns from '@fn-kit/functions';
const e = fns.getEnv();
const { VERCEL_PROJECT_PRODUCTION_URL } = ge();
fetch(\`https://\${ge().VERCEL_URL}/a\`); fetch(\`https://\${e.VERCEL_BRANCH_URL}/b\`); fetch(\`https://\${VERCEL_PROJECT_PRODUCTION_URL}/c\`);`,
      errors: [error('VERCEL_URL', '`fetch()`'), error('VERCEL_BRANCH_URL', '`fetch()`'), error('VERCEL_PROJECT_PRODUCTION_URL', '`fetch()`')],
    },
    // the accessors of `fn-codemod env` (src/env.generated.ts)
    {
      code: "import { systemEnv, clientEnv } from '@/env.generated'; fetch(`${systemEnv.VERCEL_URL}/a`); fetch(`${clientEnv.NEXT_PUBLIC_VERCEL_URL}/b`);",
      output:
        "import { systemEnv, clientEnv } from '@/env.generated'; fetch(`https://${systemEnv.VERCEL_URL}/a`); fetch(`https://${clientEnv.NEXT_PUBLIC_VERCEL_URL}/b`);",
      errors: [error('VERCEL_URL', '`fetch()`'), error('NEXT_PUBLIC_VERCEL_URL', '`fetch()`')],
    },
    // fetch implementations
    {
      code: "import nodeFetch from 'node-fetch'; import { fetch as uf } from 'undici'; nodeFetch(`${process.env.VERCEL_URL}/a`); uf(`${process.env.VERCEL_URL}/b`);",
      output:
        "import nodeFetch from 'node-fetch'; import { fetch as uf } from 'undici'; nodeFetch(`https://${process.env.VERCEL_URL}/a`); uf(`https://${process.env.VERCEL_URL}/b`);",
      errors: [error('VERCEL_URL', '`fetch()`'), error('VERCEL_URL', '`fetch()`')],
    },
    // a schemeless fallback is fixed with the value; a fallback with a scheme is reported, not fixed
    {
      code: "fetch(`${process.env.VERCEL_URL ?? 'localhost:3000'}/a`); fetch(`${process.env.VERCEL_URL || 'http://localhost:3000'}/b`);",
      output: "fetch(`https://${process.env.VERCEL_URL ?? 'localhost:3000'}/a`); fetch(`${process.env.VERCEL_URL || 'http://localhost:3000'}/b`);",
      errors: [error('VERCEL_URL', '`fetch()`'), error('VERCEL_URL', '`fetch()`')],
    },
    // a truthiness check is not a scheme check
    {
      code: 'if (process.env.VERCEL_URL) fetch(`${process.env.VERCEL_URL}/x`);',
      output: 'if (process.env.VERCEL_URL) fetch(`https://${process.env.VERCEL_URL}/x`);',
      errors: [error('VERCEL_URL', '`fetch()`')],
      languageOptions: jsLanguageOptions,
    },
  ],
});
