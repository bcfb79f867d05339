import rule from '../../rules/prefer-geolocation.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';
import { projectWithoutFunctionsPackage } from './project-fixtures.js';

const next14 = { fn: { nextVersion: '14.2.0' } };
const next15 = { fn: { nextVersion: '15.0.0' } };
const noFunctionsPackage = projectWithoutFunctionsPackage('app/route.ts');

const ruleTester = createRuleTester();

ruleTester.run('prefer-geolocation', rule, {
  valid: [
    // geolocation() itself, and headers it does not cover
    `import { geolocation } from '@vercel/functions';
     export function GET(request: Request) { return Response.json(geolocation(request)); }`,
    `export function GET(request: Request) { return new Response(request.headers.get('x-vercel-ip-timezone')); }`,
    `export function GET(request: Request) { return new Response(request.headers.get('user-agent')); }`,
    // x-vercel-id as a request id (logging) is not a geolocation read
    `export function GET(request: Request) { console.log(request.headers.get('x-vercel-id')); return new Response(); }`,
    `export function GET(request: Request) { return new Response(request.headers.get('x-vercel-id')?.split('-')[0]); }`,
    // writes and presence checks are not reads
    `export function GET(request: Request) { const h = new Headers(); h.set('x-vercel-ip-city', 'x'); return request.headers.has('x-vercel-ip-city'); }`,
    // an index read off something that is not a headers object
    `const labels = { 'x-vercel-ip-city': 'City' }; export const l = labels['x-vercel-ip-city'];`,
    // .geo on objects that are not a NextRequest
    `export function handler(user: { geo: { city: string } }) { return user.geo.city; }`,
    { code: `export function handler(data) { return data.geo.city; }`, languageOptions: jsLanguageOptions },
    `import express from 'express'; const app = express(); app.get('/', (req, res) => res.send(req.geo));`,
    `import type { NextRequest } from 'next/server';
     export function middleware(request: NextRequest) { request.geo = undefined; }`,
    // a header name that is not static
    `export function GET(request: Request, name: string) { return request.headers.get(name); }`,
    // a local constant that is not a geo header
    `const H = 'x-custom'; export function GET(request: Request) { return request.headers.get(H); }`,
  ],
  invalid: [
    // --- raw header reads, request in scope: autofix with a new import
    {
      code: `export function GET(request: Request) {
  const country = request.headers.get('x-vercel-ip-country');
  return new Response(country);
}`,
      output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  const country = geolocation(request).country;
  return new Response(country);
}`,
      errors: [{ messageId: 'rawHeader', data: { header: 'x-vercel-ip-country', field: 'country' } }],
    },
    // any letter case; fallbacks kept; import merged into an existing API import
    {
      code: `import { waitUntil } from '@vercel/functions';
export async function GET(req: Request) {
  waitUntil(Promise.resolve());
  return new Response(req.headers.get('X-Vercel-IP-Country-Region') ?? 'unknown');
}`,
      output: `import { waitUntil, geolocation } from '@vercel/functions';
export async function GET(req: Request) {
  waitUntil(Promise.resolve());
  return new Response(geolocation(req).countryRegion ?? 'unknown');
}`,
      errors: [{ messageId: 'rawHeader', data: { header: 'x-vercel-ip-country-region', field: 'countryRegion' } }],
    },
    // header constant (aliased) from @vercel/functions/headers: geolocation merged there
    {
      code: `import { CITY_HEADER_NAME as CITY } from '@vercel/functions/headers';
export function GET(request: Request) {
  return new Response(request.headers.get(CITY));
}`,
      output: `import { CITY_HEADER_NAME as CITY, geolocation } from '@vercel/functions/headers';
export function GET(request: Request) {
  return new Response(geolocation(request).city);
}`,
      errors: [{ messageId: 'rawHeader', data: { header: 'x-vercel-ip-city', field: 'city' } }],
    },
    // namespace import of the headers module: constant recognised, namespace reused
    {
      code: `import * as fns from '@fn-kit/functions/headers';
export function GET(request: Request) {
  return new Response(request.headers.get(fns.LATITUDE_HEADER_NAME));
}`,
      output: `import * as fns from '@fn-kit/functions/headers';
export function GET(request: Request) {
  return new Response(fns.geolocation(request).latitude);
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // existing geolocation import reused (aliased)
    {
      code: `import { geolocation as geo } from '@vercel/functions';
export function GET(request: Request) {
  return Response.json({ g: geo(request), lon: request.headers.get('x-vercel-ip-longitude') });
}`,
      output: `import { geolocation as geo } from '@vercel/functions';
export function GET(request: Request) {
  return Response.json({ g: geo(request), lon: geo(request).longitude });
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // CommonJS + require of a header constant; double quotes kept
    {
      code: `const { POSTAL_CODE_HEADER_NAME } = require("@vercel/functions/headers");
module.exports = async function handler(request) {
  return request.headers.get(POSTAL_CODE_HEADER_NAME);
};`,
      output: `const { POSTAL_CODE_HEADER_NAME } = require("@vercel/functions/headers");
const { geolocation } = require("@vercel/functions/headers");
module.exports = async function handler(request) {
  return geolocation(request).postalCode;
};`,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [{ messageId: 'rawHeader' }],
    },
    // a local named geolocation: the import gets a free name
    {
      code: `const geolocation = 'eu';
export function GET(request: Request) {
  return new Response(geolocation + request.headers.get('x-vercel-ip-continent'));
}`,
      output: `import { geolocation as geolocationFn } from '@vercel/functions';
const geolocation = 'eu';
export function GET(request: Request) {
  return new Response(geolocation + geolocationFn(request).continent);
}`,
      errors: [{ messageId: 'rawHeader', data: { header: 'x-vercel-ip-continent', field: 'continent' } }],
    },
    // decodeURIComponent around the city read goes too: geolocation() decodes
    {
      code: `export function GET(request: Request) {
  return new Response(decodeURIComponent(request.headers.get('x-vercel-ip-city')!));
}`,
      output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  return new Response(geolocation(request).city);
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // decodeURIComponent(read ?? '') goes too, keeping the fallback
    {
      code: `export function GET(request: Request) {
  return new Response(decodeURIComponent(request.headers.get('x-vercel-ip-city') ?? ''));
}`,
      output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  return new Response(geolocation(request).city ?? '');
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // a fallback with a % would decode differently: only the read is replaced
    {
      code: `export function GET(request: Request) {
  return new Response(decodeURIComponent(request.headers.get('x-vercel-ip-city') || '100%25'));
}`,
      output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  return new Response(decodeURIComponent(geolocation(request).city || '100%25'));
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // headers via const alias and via destructuring of the request
    {
      code: `export function GET(req: Request) {
  const h = req.headers;
  const { headers } = req;
  return [h.get('x-vercel-ip-country'), headers.get('x-vercel-ip-city')];
}`,
      output: [
        `import { geolocation } from '@vercel/functions';
export function GET(req: Request) {
  const h = req.headers;
  const { headers } = req;
  return [geolocation(req).country, headers.get('x-vercel-ip-city')];
}`,
        `import { geolocation } from '@vercel/functions';
export function GET(req: Request) {
  const h = req.headers;
  const { headers } = req;
  return [geolocation(req).country, geolocation(req).city];
}`,
      ],
      errors: [{ messageId: 'rawHeader' }, { messageId: 'rawHeader' }],
    },
    // JSX file (espree)
    {
      code: `export default function Page({ request }) {
  return <p>{request.headers.get('x-vercel-ip-country')}</p>;
}`,
      output: `import { geolocation } from '@vercel/functions';
export default function Page({ request }) {
  return <p>{geolocation(request).country}</p>;
}`,
      languageOptions: jsLanguageOptions,
      errors: [{ messageId: 'rawHeader' }],
    },
    // TSX
    {
      filename: 'page.tsx',
      code: `export function Geo({ req }: { req: Request }) {
  return <span>{req.headers.get('x-vercel-ip-city') ?? '?'}</span>;
}`,
      output: `import { geolocation } from '@vercel/functions';
export function Geo({ req }: { req: Request }) {
  return <span>{geolocation(req).city ?? '?'}</span>;
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // null vs undefined observable: suggestion instead of autofix
    {
      code: `export function GET(request: Request) {
  return request.headers.get('x-vercel-ip-country') === null;
}`,
      output: null,
      errors: [
        {
          messageId: 'rawHeader',
          suggestions: [
            {
              messageId: 'useGeolocationField',
              data: { replacement: 'geolocation(request).country' },
              output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  return geolocation(request).country === null;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function GET(request: Request) {
  const c: string | null = request.headers.get('x-vercel-ip-country');
  return c;
}`,
      output: null,
      errors: [{ messageId: 'rawHeader', suggestions: [{ messageId: 'useGeolocationField', output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  const c: string | null = geolocation(request).country;
  return c;
}` }] }],
    },
    // the project has no functions package: suggestion only
    {
      filename: noFunctionsPackage,
      code: `export function GET(request: Request) {
  return new Response(request.headers.get('x-vercel-ip-country'));
}`,
      output: null,
      errors: [{ messageId: 'rawHeader', suggestions: [{ messageId: 'useGeolocationField', output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  return new Response(geolocation(request).country);
}` }] }],
    },
    // --- no fix: next/headers (no request), Node plain-object headers, unknown receivers
    {
      code: `import { headers } from 'next/headers';
export default async function Page() {
  const country = (await headers()).get('x-vercel-ip-country');
  const h = await headers();
  return [country, h.get('x-vercel-ip-city'), headers()['x-vercel-ip-latitude']];
}`,
      output: null,
      errors: [{ messageId: 'rawHeader' }, { messageId: 'rawHeader' }, { messageId: 'rawHeader' }],
    },
    {
      code: `import * as nh from 'next/headers';
export default function Page() { return nh.headers().get('x-vercel-ip-country'); }`,
      output: null,
      errors: [{ messageId: 'rawHeader' }],
    },
    {
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ country: req.headers['x-vercel-ip-country'], city: req.headers['X-VERCEL-IP-CITY'] });
}`,
      output: null,
      errors: [{ messageId: 'rawHeader' }, { messageId: 'rawHeader' }],
    },
    {
      code: `export function geoFrom(headers: Record<string, string>) { return headers['x-vercel-ip-country']; }`,
      output: null,
      errors: [{ messageId: 'rawHeader' }],
    },
    {
      code: `export function geoFrom(req: { get(n: string): string }) { return req.get('x-vercel-ip-country'); }`,
      output: null,
      errors: [{ messageId: 'rawHeader' }],
    },
    // a local geolocation shadows the import at the use site: the API's is imported again under a free alias
    // (this was "no fix" before the import-planning audit; the shadowed binding is still never reused)
    {
      code: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  const geolocation = () => ({});
  return [geolocation(), request.headers.get('x-vercel-ip-country')];
}`,
      output: `import { geolocation, geolocation as geolocationFn } from '@vercel/functions';
export function GET(request: Request) {
  const geolocation = () => ({});
  return [geolocation(), geolocationFn(request).country];
}`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // x-vercel-id region part: suggestion only (absent header -> "dev1")
    {
      code: `export function GET(request: Request) {
  return new Response(request.headers.get('x-vercel-id')?.split(':')[0]);
}`,
      output: null,
      errors: [
        {
          messageId: 'requestIdRegion',
          suggestions: [
            {
              messageId: 'useGeolocationField',
              output: `import { geolocation } from '@vercel/functions';
export function GET(request: Request) {
  return new Response(geolocation(request).region);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { REQUEST_ID_HEADER_NAME } from '@vercel/functions/headers';
import { headers } from 'next/headers';
export async function region() { return (await headers()).get(REQUEST_ID_HEADER_NAME)!.split(':').at(0); }`,
      output: null,
      errors: [{ messageId: 'requestIdRegion', suggestions: [] }],
    },
    // --- NextRequest.geo
    {
      settings: next14,
      code: `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  const country = request.geo?.country ?? 'US';
  return NextResponse.json({ country, region: request.geo.region });
}`,
      output: [
        `import { NextResponse, type NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function middleware(request: NextRequest) {
  const country = geolocation(request).country ?? 'US';
  return NextResponse.json({ country, region: request.geo.region });
}`,
        `import { NextResponse, type NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function middleware(request: NextRequest) {
  const country = geolocation(request).country ?? 'US';
  return NextResponse.json({ country, region: geolocation(request).countryRegion });
}`,
      ],
      errors: [{ messageId: 'requestGeo' }, { messageId: 'requestGeo' }],
    },
    // Next 15+: the message says it is gone
    {
      settings: next15,
      code: `import { NextResponse } from 'next/server';
export function middleware(req) {
  return NextResponse.json({ city: req.geo.city });
}`,
      output: `import { NextResponse } from 'next/server';
import { geolocation } from '@vercel/functions';
export function middleware(req) {
  return NextResponse.json({ city: geolocation(req).city });
}`,
      languageOptions: jsLanguageOptions,
      errors: [{ messageId: 'requestGeoRemoved', data: { version: '15.0.0' } }],
    },
    // const geo = request.geo with .region read: renamed to countryRegion in the same fix
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const geo = request.geo;
  return [geo?.city, geo?.region];
}`,
      output: `import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(request: NextRequest) {
  const geo = geolocation(request);
  return [geo?.city, geo?.countryRegion];
}`,
      errors: [{ messageId: 'requestGeo' }],
    },
    // destructuring: const { geo } = request, alias, nested pattern with region
    {
      settings: next15,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const { geo } = request;
  return geo.country;
}`,
      output: `import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(request: NextRequest) {
  const geo = geolocation(request);
  return geo.country;
}`,
      errors: [{ messageId: 'requestGeoRemoved' }],
    },
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function GET(req: NextRequest) {
  const { geo: where } = req;
  return where.region;
}`,
      output: `import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(req: NextRequest) {
  const where = geolocation(req);
  return where.countryRegion;
}`,
      errors: [{ messageId: 'requestGeo' }],
    },
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function GET(req: NextRequest) {
  const { geo: { city, region } } = req;
  return city + region;
}`,
      output: `import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(req: NextRequest) {
  const { city, countryRegion: region } = geolocation(req);
  return city + region;
}`,
      errors: [{ messageId: 'requestGeo' }],
    },
    // const { latitude, longitude } = request.geo ?? {}
    {
      settings: next15,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const { latitude, region } = request.geo ?? {};
  return [latitude, region];
}`,
      output: `import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(request: NextRequest) {
  const { latitude, countryRegion: region } = geolocation(request) ?? {};
  return [latitude, region];
}`,
      errors: [{ messageId: 'requestGeoRemoved' }],
    },
    // whole object escaping: suggestion (shape and region differ)
    {
      settings: next14,
      code: `import { NextResponse, type NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  return NextResponse.json(request.geo);
}`,
      output: null,
      errors: [
        {
          messageId: 'requestGeo',
          suggestions: [
            {
              messageId: 'useGeolocationObject',
              output: `import { NextResponse, type NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(request: NextRequest) {
  return NextResponse.json(geolocation(request));
}`,
            },
          ],
        },
      ],
    },
    // destructured together with other properties: report only
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const { geo, nextUrl } = request;
  return [geo, nextUrl];
}`,
      output: null,
      errors: [{ messageId: 'requestGeo' }],
    },
    // a shadowing local request that is not a NextRequest is left alone; the parameter is flagged
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const inner = (request: { geo: string }) => request.geo;
  return [inner, request.geo?.city];
}`,
      output: `import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';
export function GET(request: NextRequest) {
  const inner = (request: { geo: string }) => request.geo;
  return [inner, geolocation(request).city];
}`,
      errors: [{ messageId: 'requestGeo', line: 4 }],
    },
    // optional request: no fix
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function f(request?: NextRequest) { return request?.geo; }`,
      output: null,
      errors: [{ messageId: 'requestGeo', suggestions: [] }],
    },
    // --- Hono: autofix to geolocation(c.req.raw); decodeURIComponent goes too
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/', (c) => c.json({ city: decodeURIComponent(c.req.header('x-vercel-ip-city') ?? ''), country: c.req.header('X-Vercel-IP-Country') }));`,
      output: [
        `import { Hono } from 'hono';
import { geolocation } from '@vercel/functions';
const app = new Hono();
app.get('/', (c) => c.json({ city: geolocation(c.req.raw).city ?? '', country: c.req.header('X-Vercel-IP-Country') }));`,
        `import { Hono } from 'hono';
import { geolocation } from '@vercel/functions';
const app = new Hono();
app.get('/', (c) => c.json({ city: geolocation(c.req.raw).city ?? '', country: geolocation(c.req.raw).country }));`,
      ],
      errors: [
        { messageId: 'rawHeader', data: { header: 'x-vercel-ip-city', field: 'city' } },
        { messageId: 'rawHeader', data: { header: 'x-vercel-ip-country', field: 'country' } },
      ],
    },
    // Hono all-headers object (JS); a local named geolocation: free name
    {
      code: `import { Hono } from 'hono';
const geolocation = 'x';
export default new Hono().get('/', (c) => c.text(geolocation + c.req.header()['x-vercel-ip-latitude']));`,
      output: `import { Hono } from 'hono';
import { geolocation as geolocationFn } from '@vercel/functions';
const geolocation = 'x';
export default new Hono().get('/', (c) => c.text(geolocation + geolocationFn(c.req.raw).latitude));`,
      languageOptions: jsLanguageOptions,
      errors: [{ messageId: 'rawHeader' }],
    },
    // Hono x-vercel-id region idiom: a suggestion ("dev1" when the header is missing)
    {
      code: `import { Hono } from 'hono';
export const app = new Hono().get('/', (c) => c.text(c.req.header('x-vercel-id')?.split(':')[0] ?? ''));`,
      output: null,
      errors: [
        {
          messageId: 'requestIdRegion',
          suggestions: [
            {
              messageId: 'useGeolocationField',
              output: `import { Hono } from 'hono';
import { geolocation } from '@vercel/functions';
export const app = new Hono().get('/', (c) => c.text(geolocation(c.req.raw).region ?? ''));`,
            },
          ],
        },
      ],
    },
    // --- Express: fn-kit only; the file imports from @fn-kit/functions/headers: autofix, import merged there
    {
      code: `import { IP_HEADER_NAME } from '@fn-kit/functions/headers';
import express from 'express';
express().get('/', (req, res) => res.json({ ip: IP_HEADER_NAME, country: req.get('x-vercel-ip-country') }));`,
      output: `import { IP_HEADER_NAME, geolocation } from '@fn-kit/functions/headers';
import express from 'express';
express().get('/', (req, res) => res.json({ ip: IP_HEADER_NAME, country: geolocation(req).country }));`,
      errors: [{ messageId: 'rawHeader' }],
    },
    // Express without fn-kit: suggestion naming the package
    {
      code: `import express from 'express';
express().use((request, res, next) => { res.locals.city = request.header('x-vercel-ip-city'); next(); });`,
      output: null,
      errors: [
        {
          messageId: 'rawHeader',
          suggestions: [
            {
              messageId: 'useGeolocationNodeRequest',
              data: { replacement: 'geolocation(request).city', module: '@fn-kit/functions' },
              output: `import express from 'express';
import { geolocation } from '@fn-kit/functions';
express().use((request, res, next) => { res.locals.city = geolocation(request).city; next(); });`,
            },
          ],
        },
      ],
    },
    // --- h3: suggestion geolocation(event).<field>; aliased import; auto-import global in a server file
    {
      code: `import { defineEventHandler, getRequestHeader as header } from 'h3';
export default defineEventHandler((event) => header(event, 'x-vercel-ip-postal-code'));`,
      output: null,
      errors: [
        {
          messageId: 'rawHeader',
          suggestions: [
            {
              messageId: 'useGeolocationField',
              data: { replacement: 'geolocation(event).postalCode' },
              output: `import { defineEventHandler, getRequestHeader as header } from 'h3';
import { geolocation } from '@vercel/functions';
export default defineEventHandler((event) => geolocation(event).postalCode);`,
            },
          ],
        },
      ],
    },
    {
      code: `export default defineEventHandler((event) => ({
  city: getHeader(event, 'x-vercel-ip-city'),
  continent: getHeaders(event)['x-vercel-ip-continent'],
}));`,
      filename: 'server/api/geo.js',
      languageOptions: jsLanguageOptions,
      output: null,
      errors: [
        {
          messageId: 'rawHeader',
          suggestions: [
            {
              messageId: 'useGeolocationField',
              output: `import { geolocation } from '@vercel/functions';
export default defineEventHandler((event) => ({
  city: geolocation(event).city,
  continent: getHeaders(event)['x-vercel-ip-continent'],
}));`,
            },
          ],
        },
        {
          messageId: 'rawHeader',
          suggestions: [
            {
              messageId: 'useGeolocationField',
              output: `import { geolocation } from '@vercel/functions';
export default defineEventHandler((event) => ({
  city: getHeader(event, 'x-vercel-ip-city'),
  continent: geolocation(event).continent,
}));`,
            },
          ],
        },
      ],
    },
  ],
});
