import rule from '../../rules/no-redundant-decode.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const error = (decoder = 'decodeURIComponent', field = 'city') => ({ messageId: 'redundantDecode' as const, data: { field, decoder } });

ruleTester.run('no-redundant-decode', rule, {
  valid: [
    // the city used as geolocation() returns it
    "import { geolocation } from '@vercel/functions'; export const c = (r: Request) => geolocation(r).city;",
    // fields that geolocation() does not decode
    "import { geolocation } from '@vercel/functions'; export const c = (r: Request) => decodeURIComponent(geolocation(r).country!);",
    "import { geolocation } from '@vercel/functions'; export const c = (r: Request) => decodeURIComponent(geolocation(r).postalCode ?? '');",
    // a raw header read is encoded: decoding it is right
    "export const c = (r: Request) => decodeURIComponent(r.headers.get('x-vercel-ip-city') ?? '');",
    // a local geolocation, a local decodeURIComponent
    "function geolocation(r) { return { city: r.city }; } export const c = (r) => decodeURIComponent(geolocation(r).city);",
    "import { geolocation } from '@vercel/functions'; const decodeURIComponent = (s) => s; export const c = (r) => decodeURIComponent(geolocation(r).city);",
    "import { geolocation as g } from '@vercel/functions'; export function f(r, geolocation) { return decodeURIComponent(geolocation(r).city); }",
    // geolocation from another module; a `let` (may be reassigned)
    "import { geolocation } from './geo'; export const c = (r) => decodeURIComponent(geolocation(r).city);",
    "import { geolocation } from '@vercel/functions'; export function f(r) { let { city } = geolocation(r); city = encodeURIComponent(city); return decodeURIComponent(city); }",
    // other decoders, other arguments
    "import { geolocation } from '@vercel/functions'; export const c = (r) => unescape(geolocation(r).city);",
    "import { geolocation } from '@vercel/functions'; export const c = (r) => decodeURIComponent(geolocation(r).city + '%20x');",
    { code: "import { geolocation } from '@vercel/functions'; export const c = (r) => geolocation(r).city;", languageOptions: jsLanguageOptions },
  ],
  invalid: [
    {
      code: "import { geolocation } from '@vercel/functions';\nexport function GET(request: Request) {\n  return new Response(decodeURIComponent(geolocation(request).city!));\n}",
      output: "import { geolocation } from '@vercel/functions';\nexport function GET(request: Request) {\n  return new Response(geolocation(request).city!);\n}",
      errors: [error()],
    },
    // espree; decodeURI; through a destructured const
    {
      code: "import { geolocation } from '@vercel/functions';\nexport function GET(req) {\n  const { city, country } = geolocation(req);\n  return Response.json({ city: decodeURI(city), country });\n}",
      output: "import { geolocation } from '@vercel/functions';\nexport function GET(req) {\n  const { city, country } = geolocation(req);\n  return Response.json({ city: city, country });\n}",
      errors: [error('decodeURI')],
      languageOptions: jsLanguageOptions,
    },
    // a stored result, optional chaining, a renamed field, a const copy
    {
      code: `import { geolocation } from '@fn-kit/functions';
export function GET(req: Request) {
  const geo = geolocation(req);
  const { city: town } = geo;
  const c = geo.city;
  return [decodeURIComponent(geo?.city ?? ''), decodeURIComponent(town as string), decodeURIComponent(c!)];
}`,
      output: `import { geolocation } from '@fn-kit/functions';
export function GET(req: Request) {
  const geo = geolocation(req);
  const { city: town } = geo;
  const c = geo.city;
  return [geo?.city ?? '', town as string, c!];
}`,
      errors: [error(), error(), error()],
    },
    // aliased, namespace and require forms; the ./headers entry point
    {
      code: `import { geolocation as geo } from '@vercel/functions/headers';
import * as fns from '@vercel/functions';
const { geolocation: g2 } = require('@vercel/functions');
export const a = (r) => decodeURIComponent(geo(r).city);
export const b = (r) => decodeURIComponent(fns.geolocation(r).city);
export const c = (r) => decodeURIComponent(g2(r)['city']);`,
      output: `import { geolocation as geo } from '@vercel/functions/headers';
import * as fns from '@vercel/functions';
const { geolocation: g2 } = require('@vercel/functions');
export const a = (r) => geo(r).city;
export const b = (r) => fns.geolocation(r).city;
export const c = (r) => g2(r)['city'];`,
      errors: [error(), error(), error()],
    },
    // parentheses stay where the operand needs them
    {
      code: "import { geolocation } from '@vercel/functions'; export const label = (r) => 'in ' + decodeURIComponent(geolocation(r).city || 'unknown');",
      output: "import { geolocation } from '@vercel/functions'; export const label = (r) => 'in ' + (geolocation(r).city || 'unknown');",
      errors: [error()],
    },
  ],
});
