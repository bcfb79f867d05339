import rule from '../../rules/valid-request-argument.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture('typed', '') } };
const error = (what: string, request?: string, output?: string) => ({
  messageId: 'headersArgument' as const,
  data: { what },
  ...(request && output ? { suggestions: [{ messageId: 'passRequest' as const, data: { request }, output }] } : { suggestions: [] }),
});

ruleTester.run('valid-request-argument', rule, {
  valid: [
    // the request itself, an object with headers
    "import { geolocation } from '@vercel/functions'; export function GET(request: Request) { return Response.json(geolocation(request)); }",
    "import { geolocation } from '@vercel/functions'; export function f(h: Headers) { return geolocation({ headers: h }); }",
    // upstream ipAddress() accepts a Headers
    "import { ipAddress } from '@vercel/functions'; import { headers } from 'next/headers'; export async function f() { return ipAddress(await headers()); }",
    "import { ipAddress } from '@vercel/functions'; export function GET(request: Request) { return new Response(ipAddress(request.headers)); }",
    // @fn-kit/functions accepts Headers
    "import { geolocation } from '@fn-kit/functions'; import { headers } from 'next/headers'; export async function f() { return geolocation(await headers()); }",
    "import { geolocation } from '@fn-kit/functions'; export function GET(request: Request) { return Response.json(geolocation(request.headers)); }",
    // a local geolocation, a local Headers class, headers() from elsewhere
    "function geolocation(x) { return x; } export function GET(request) { return geolocation(request.headers); }",
    "import { geolocation as g } from '@vercel/functions'; export function f(geolocation, request) { return geolocation(request.headers); }",
    "import { geolocation } from '@vercel/functions'; class Headers { headers = new Map(); } export const g = geolocation(new Headers());",
    "import { geolocation } from '@vercel/functions'; import { headers } from './my-headers'; export const g = geolocation(headers());",
    // untyped: a parameter of unknown shape is not judged by its name
    { code: "import { geolocation } from '@vercel/functions'; export function f(headers) { return geolocation(headers); }", languageOptions: jsLanguageOptions },
    // typed: a Request-typed value
    { code: "import { geolocation } from '@vercel/functions'; export function f(r: Request) { return geolocation(r); }", filename: 'file.ts', languageOptions: typedOptions },
  ],
  invalid: [
    // the bug report: headers() from next/headers, awaited, behind `as any`
    {
      code: `import { geolocation } from '@vercel/functions';
import { headers } from 'next/headers';
export default async function Page() {
  const geo = geolocation((await headers()) as any);
  return geo.city;
}`,
      errors: [error('the `headers()` of `next/headers`')],
    },
    // through a const; espree
    {
      code: `import { geolocation } from '@vercel/functions';
import { headers as nextHeaders } from 'next/headers';
export async function action() {
  const h = await nextHeaders();
  return geolocation(h).country;
}`,
      errors: [error('the `headers()` of `next/headers`')],
      languageOptions: jsLanguageOptions,
    },
    // request.headers: suggestion to pass the request
    {
      code: "import { geolocation } from '@vercel/functions';\nexport function GET(request: Request) { return Response.json(geolocation(request.headers)); }",
      errors: [
        error(
          '`request.headers`',
          'request',
          "import { geolocation } from '@vercel/functions';\nexport function GET(request: Request) { return Response.json(geolocation(request)); }",
        ),
      ],
    },
    // new Headers(...), a destructured `headers`, the handler's request in scope (aliased, namespace, ./headers)
    {
      code: `import { geolocation as geo } from '@vercel/functions/headers';
import * as fns from '@vercel/functions';
export async function POST(req: Request) {
  const { headers } = req;
  return [geo(new Headers(req.headers)), fns.geolocation(headers)];
}`,
      errors: [
        error(
          '`new Headers(...)`',
          'req',
          `import { geolocation as geo } from '@vercel/functions/headers';
import * as fns from '@vercel/functions';
export async function POST(req: Request) {
  const { headers } = req;
  return [geo(req), fns.geolocation(headers)];
}`,
        ),
        error(
          '`request.headers`',
          'req',
          `import { geolocation as geo } from '@vercel/functions/headers';
import * as fns from '@vercel/functions';
export async function POST(req: Request) {
  const { headers } = req;
  return [geo(new Headers(req.headers)), fns.geolocation(req)];
}`,
        ),
      ],
    },
    // require form; a shadowed request name gets no suggestion
    {
      code: `const { geolocation } = require('@vercel/functions');
module.exports = function handler(request) {
  return [1].map((request) => geolocation(new Headers()));
};`,
      errors: [error('`new Headers(...)`')],
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
    },
    // a Pages Router request is a Node IncomingMessage: passing it breaks too, so no suggestion
    {
      code: "import { geolocation } from '@vercel/functions';\nexport default function handler(req, res) { res.json(geolocation(req.headers)); }",
      filename: fixture('next-15.2', 'pages/api/geo.ts'),
      errors: [error('`req.headers`')],
    },
    // typed: a value typed Headers
    {
      code: "import { geolocation } from '@vercel/functions';\nfunction geoOf(h: Headers) { return geolocation(h); }\nexport function GET(request: Request) { return Response.json(geoOf(request.headers)); }",
      filename: 'file.ts',
      languageOptions: typedOptions,
      errors: [error('a `Headers` value')],
    },
    // typed, inside a handler: the handler's request is suggested
    {
      code: "import { geolocation } from '@vercel/functions';\nexport function GET(request: Request, h: Headers) { return Response.json(geolocation(h)); }",
      filename: 'file.ts',
      languageOptions: typedOptions,
      errors: [
        error(
          'a `Headers` value',
          'request',
          "import { geolocation } from '@vercel/functions';\nexport function GET(request: Request, h: Headers) { return Response.json(geolocation(request)); }",
        ),
      ],
    },
  ],
});
