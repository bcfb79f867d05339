import rule from '../../rules/prefer-ip-address.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';
import { projectWithoutFunctionsPackage } from './project-fixtures.js';

const next14 = { fn: { nextVersion: '14.2.0' } };
const next15 = { fn: { nextVersion: '15.1.0' } };

const ruleTester = createRuleTester();

ruleTester.run('prefer-ip-address', rule, {
  valid: [
    `import { ipAddress } from '@vercel/functions';
     export function GET(request: Request) { return new Response(ipAddress(request)); }`,
    `export function GET(request: Request) { return new Response(request.headers.get('x-request-id')); }`,
    // setting the header on an outgoing request is not a read
    `export async function GET() { const h = new Headers(); h.set('x-forwarded-for', '1.2.3.4'); return fetch('/', { headers: h }); }`,
    `export const forward = (ip: string) => ({ 'x-forwarded-for': ip });`,
    // Express computes req.ip itself (trust proxy): not a NextRequest
    { code: `const express = require('express'); express().get('/', (req, res) => res.send(req.ip));`, languageOptions: jsLanguageOptions },
    `export function log(user: { ip: string }) { return user.ip; }`,
    `import type { NextRequest } from 'next/server';
     export function f(request: NextRequest, other: { ip: string }) { return other.ip; }`,
    `import type { NextRequest } from 'next/server';
     export function f(request: NextRequest) { request.ip = '1.1.1.1'; }`,
    `import type { NextRequest } from 'next/server';
     export function f(request: NextRequest) { const ip = '1'; return ip; }`,
    // --- framework forms that are not header reads
    // a Map's get, even with a header name as key
    `const seen = new Map<string, string>(); export function GET() { return seen.get('x-real-ip'); }`,
    `export function lookup(cache: Map<string, string>) { return cache.get('x-forwarded-for'); }`,
    // Hono-shaped `.req.header` on something that is not a parameter
    `const c = { req: { header: (n: string) => n } }; export const v = c.req.header('x-real-ip');`,
    // `req.header` outside a route callback (one parameter, not a call argument)
    { code: `export function read(req) { return req.header('x-real-ip'); }`, languageOptions: jsLanguageOptions },
    // `res.get` / a second parameter: not the request
    `import express from 'express'; express().get('/', (req, res) => res.send(res.get('x-real-ip')));`,
    // a `getHeader` that is not h3's
    `import { getHeader } from './http-utils'; export const f = (event) => getHeader(event, 'x-real-ip');`,
    // h3's name as an unbound global outside a Nitro/Nuxt server file
    { code: `export const f = (event) => getHeader(event, 'x-real-ip');`, filename: 'src/lib/ip.ts' },
    // a local getHeader shadows the auto-import
    {
      code: `function getHeader(e, n) { return e[n]; }
export default defineEventHandler((event) => getHeader(event, 'x-real-ip'));`,
      filename: 'server/api/ip.ts',
    },
    // a header write through Express
    `import express from 'express'; express().get('/', (req, res) => { res.header('x-real-ip', '1'); res.end(); });`,
  ],
  invalid: [
    // an imported ipAddress hidden by a nested local at the read: imported again under a free alias
    {
      code: `import { ipAddress } from '@vercel/functions';
export const keep = ipAddress;
export function GET(request: Request) {
  const ipAddress = 'x';
  return new Response(ipAddress + request.headers.get('x-real-ip'));
}`,
      output: `import { ipAddress, ipAddress as ipAddressFn } from '@vercel/functions';
export const keep = ipAddress;
export function GET(request: Request) {
  const ipAddress = 'x';
  return new Response(ipAddress + ipAddressFn(request));
}`,
      errors: [{ messageId: 'realIp', data: { header: 'x-real-ip' } }],
    },
    // x-real-ip through the request: autofix, fallback kept
    {
      code: `export function GET(request: Request) {
  const ip = request.headers.get('x-real-ip') ?? '127.0.0.1';
  return new Response(ip);
}`,
      output: `import { ipAddress } from '@vercel/functions';
export function GET(request: Request) {
  const ip = ipAddress(request) ?? '127.0.0.1';
  return new Response(ip);
}`,
      errors: [{ messageId: 'realIp', data: { header: 'x-real-ip' } }],
    },
    {
      code: `export function GET(req: Request) { return new Response(req.headers.get('X-Real-IP') || 'unknown'); }`,
      output: `import { ipAddress } from '@vercel/functions';
export function GET(req: Request) { return new Response(ipAddress(req) || 'unknown'); }`,
      errors: [{ messageId: 'realIp' }],
    },
    // IP_HEADER_NAME constant, namespace-imported; ipAddress reused from the namespace
    {
      code: `import * as h from '@vercel/functions/headers';
export function GET(req: Request) { return new Response(req.headers.get(h.IP_HEADER_NAME)); }`,
      output: `import * as h from '@vercel/functions/headers';
export function GET(req: Request) { return new Response(h.ipAddress(req)); }`,
      errors: [{ messageId: 'realIp' }],
    },
    // require()d constant and existing ipAddress alias reused (CJS, espree)
    {
      code: `const { ipAddress: clientIp, IP_HEADER_NAME } = require('@fn-kit/functions/headers');
exports.handler = (request) => [clientIp(request), request.headers.get(IP_HEADER_NAME)];`,
      output: `const { ipAddress: clientIp, IP_HEADER_NAME } = require('@fn-kit/functions/headers');
exports.handler = (request) => [clientIp(request), clientIp(request)];`,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [{ messageId: 'realIp' }],
    },
    // next/headers: ipAddress accepts a Headers object
    {
      code: `import { headers } from 'next/headers';
export default async function Page() {
  const ip = (await headers()).get('x-real-ip');
  return <p>{ip}</p>;
}`,
      filename: 'page.tsx',
      output: `import { headers } from 'next/headers';
import { ipAddress } from '@vercel/functions';
export default async function Page() {
  const ip = ipAddress(await headers());
  return <p>{ip}</p>;
}`,
      errors: [{ messageId: 'realIp' }],
    },
    // a local ipAddress: free name
    {
      code: `function ipAddress() { return 'x'; }
export function GET(request: Request) { return [ipAddress(), request.headers.get('x-real-ip')]; }`,
      output: `import { ipAddress as ipAddressFn } from '@vercel/functions';
function ipAddress() { return 'x'; }
export function GET(request: Request) { return [ipAddress(), ipAddressFn(request)]; }`,
      errors: [{ messageId: 'realIp' }],
    },
    // strict null comparison: suggestion
    {
      code: `export function GET(request: Request) { return request.headers.get('x-real-ip') !== null; }`,
      output: null,
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddress',
              data: { replacement: 'ipAddress(request)' },
              output: `import { ipAddress } from '@vercel/functions';
export function GET(request: Request) { return ipAddress(request) !== null; }`,
            },
          ],
        },
      ],
    },
    // Node plain-object headers: suggestion only (fn-kit accepts them, upstream does not)
    {
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ ip: req.headers['x-real-ip'] });
}`,
      output: null,
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import type { NextApiRequest, NextApiResponse } from 'next';
import { ipAddress } from '@vercel/functions';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ ip: ipAddress(req) });
}`,
            },
          ],
        },
      ],
    },
    // x-forwarded-for: always a suggestion; the first-entry idiom is replaced whole
    {
      code: `export function GET(request: Request) {
  const ip = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';
  return new Response(ip);
}`,
      output: null,
      errors: [
        {
          messageId: 'forwardedFor',
          data: { header: 'x-forwarded-for' },
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { ipAddress } from '@vercel/functions';
export function GET(request: Request) {
  const ip = ipAddress(request) ?? 'unknown';
  return new Response(ip);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export function GET(request: Request) {
  return new Response(request.headers.get('x-forwarded-for')!.split(',').at(0));
}`,
      output: null,
      errors: [
        {
          messageId: 'forwardedFor',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { ipAddress } from '@vercel/functions';
export function GET(request: Request) {
  return new Response(ipAddress(request));
}`,
            },
          ],
        },
      ],
    },
    // a fallback inside the split: only the read is replaced (one address splits to itself)
    {
      code: `export function GET(request: Request) {
  return new Response((request.headers.get('x-forwarded-for') ?? '').split(',')[0]);
}`,
      output: null,
      errors: [
        {
          messageId: 'forwardedFor',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { ipAddress } from '@vercel/functions';
export function GET(request: Request) {
  return new Response((ipAddress(request) ?? '').split(',')[0]);
}`,
            },
          ],
        },
      ],
    },
    // Node headers object named headers, JS
    {
      code: `const http = require('node:http');
http.createServer((req, res) => {
  const { headers } = req;
  res.end(headers['x-forwarded-for'] || req.socket.remoteAddress);
});`,
      output: null,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [
        {
          messageId: 'forwardedFor',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `const http = require('node:http');
const { ipAddress } = require('@vercel/functions');
http.createServer((req, res) => {
  const { headers } = req;
  res.end(ipAddress(req) || req.socket.remoteAddress);
});`,
            },
          ],
        },
      ],
    },
    // an unknown receiver (Express req.get): report only
    {
      code: `export function ipOf(req: { get(name: string): string | undefined }) { return req.get('x-real-ip'); }`,
      output: null,
      errors: [{ messageId: 'realIp', suggestions: [] }],
    },
    // no functions package in the project: suggestion instead of autofix
    {
      filename: projectWithoutFunctionsPackage('app/api/route.ts'),
      code: `export function GET(request: Request) { return new Response(request.headers.get('x-real-ip')); }`,
      output: null,
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { ipAddress } from '@vercel/functions';
export function GET(request: Request) { return new Response(ipAddress(request)); }`,
            },
          ],
        },
      ],
    },
    // --- Hono: c.req.raw is the web Request and c.req.header() says undefined too: autofix
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/', (c) => c.text(c.req.header('x-real-ip') ?? 'unknown'));`,
      output: `import { Hono } from 'hono';
import { ipAddress } from '@vercel/functions';
const app = new Hono();
app.get('/', (c) => c.text(ipAddress(c.req.raw) ?? 'unknown'));`,
      errors: [{ messageId: 'realIp', data: { header: 'x-real-ip' } }],
    },
    // Hono, JS, the all-headers object; a `=== undefined` check keeps its meaning
    {
      code: `import { Hono } from 'hono';
const app = new Hono();
app.use(async (c, next) => { if (c.req.header()['x-real-ip'] === undefined) return c.text('no ip', 400); await next(); });`,
      output: `import { Hono } from 'hono';
import { ipAddress } from '@vercel/functions';
const app = new Hono();
app.use(async (c, next) => { if (ipAddress(c.req.raw) === undefined) return c.text('no ip', 400); await next(); });`,
      languageOptions: jsLanguageOptions,
      errors: [{ messageId: 'realIp' }],
    },
    // Hono x-forwarded-for: a suggestion replacing the first-entry idiom
    {
      code: `import { Hono } from 'hono';
export const app = new Hono().get('/', (c) => c.text(c.req.header('X-Forwarded-For')?.split(',')[0] ?? ''));`,
      output: null,
      errors: [
        {
          messageId: 'forwardedFor',
          data: { header: 'x-forwarded-for' },
          suggestions: [
            {
              messageId: 'useIpAddress',
              data: { replacement: 'ipAddress(c.req.raw)' },
              output: `import { Hono } from 'hono';
import { ipAddress } from '@vercel/functions';
export const app = new Hono().get('/', (c) => c.text(ipAddress(c.req.raw) ?? ''));`,
            },
          ],
        },
      ],
    },
    // --- Express: only fn-kit's ipAddress reads a Node request; the file already imports from it: autofix
    {
      code: `import express from 'express';
import { waitUntil } from '@fn-kit/functions';
const app = express();
app.get('/', (req, res) => { waitUntil(Promise.resolve()); res.send(req.get('x-real-ip')); });`,
      output: `import express from 'express';
import { waitUntil, ipAddress } from '@fn-kit/functions';
const app = express();
app.get('/', (req, res) => { waitUntil(Promise.resolve()); res.send(ipAddress(req)); });`,
      errors: [{ messageId: 'realIp' }],
    },
    // Express without an fn-kit import: a suggestion importing from @fn-kit/functions (not upstream, which would throw)
    {
      code: `const express = require('express');
const router = express.Router();
router.post('/login', (req, res, next) => { res.locals.ip = req.header('x-real-ip'); next(); });`,
      output: null,
      languageOptions: { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } },
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddressNodeRequest',
              data: { replacement: 'ipAddress(req)', module: '@fn-kit/functions' },
              output: `const express = require('express');
const { ipAddress } = require('@fn-kit/functions');
const router = express.Router();
router.post('/login', (req, res, next) => { res.locals.ip = ipAddress(req); next(); });`,
            },
          ],
        },
      ],
    },
    // Express: an upstream ipAddress import is not reused for a Node request
    {
      code: `import { ipAddress } from '@vercel/functions';
import type { Request, Response } from 'express';
export function handler(request: Request, res: Response) { res.json({ a: ipAddress, b: request.get('x-real-ip') }); }`,
      output: null,
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddressNodeRequest',
              output: `import { ipAddress } from '@vercel/functions';
import type { Request, Response } from 'express';
import { ipAddress as ipAddressFn } from '@fn-kit/functions';
export function handler(request: Request, res: Response) { res.json({ a: ipAddress, b: ipAddressFn(request) }); }`,
            },
          ],
        },
      ],
    },
    // --- h3 (imported, aliased): a suggestion ipAddress(event) (the event's `headers` getter needs h3 >= 1.8)
    {
      code: `import { defineEventHandler, getHeader as gh } from 'h3';
export default defineEventHandler((event) => gh(event, 'x-real-ip'));`,
      output: null,
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddress',
              data: { replacement: 'ipAddress(event)' },
              output: `import { defineEventHandler, getHeader as gh } from 'h3';
import { ipAddress } from '@vercel/functions';
export default defineEventHandler((event) => ipAddress(event));`,
            },
          ],
        },
      ],
    },
    // h3 namespace import, getRequestHeader
    {
      code: `import * as h3 from 'h3';
export default h3.eventHandler((event) => ({ ip: h3.getRequestHeader(event, 'x-real-ip') }));`,
      output: null,
      errors: [{ messageId: 'realIp', suggestions: [{ messageId: 'useIpAddress', output: `import * as h3 from 'h3';
import { ipAddress } from '@vercel/functions';
export default h3.eventHandler((event) => ({ ip: ipAddress(event) }));` }] }],
    },
    // Nuxt/Nitro auto-imported global in a server file (JS), and getRequestHeaders(event)[name]
    {
      code: `export default defineEventHandler((event) => [getHeader(event, 'x-forwarded-for'), getRequestHeaders(event)['x-real-ip']]);`,
      filename: 'server/api/ip.js',
      output: null,
      languageOptions: jsLanguageOptions,
      errors: [
        {
          messageId: 'forwardedFor',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { ipAddress } from '@vercel/functions';
export default defineEventHandler((event) => [ipAddress(event), getRequestHeaders(event)['x-real-ip']]);`,
            },
          ],
        },
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { ipAddress } from '@vercel/functions';
export default defineEventHandler((event) => [getHeader(event, 'x-forwarded-for'), ipAddress(event)]);`,
            },
          ],
        },
      ],
    },
    // the auto-import counts in any file that defines an h3 handler, with the API's header constant
    {
      code: `import { IP_HEADER_NAME } from '@vercel/functions/headers';
export default eventHandler((event) => getRequestHeader(event, IP_HEADER_NAME));`,
      filename: 'routes/ip.ts',
      output: null,
      errors: [
        {
          messageId: 'realIp',
          suggestions: [
            {
              messageId: 'useIpAddress',
              output: `import { IP_HEADER_NAME, ipAddress } from '@vercel/functions/headers';
export default eventHandler((event) => ipAddress(event));`,
            },
          ],
        },
      ],
    },
    // --- NextRequest.ip
    {
      settings: next14,
      code: `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  return NextResponse.json({ ip: request.ip ?? '0.0.0.0' });
}`,
      output: `import { NextResponse, type NextRequest } from 'next/server';
import { ipAddress } from '@vercel/functions';
export function middleware(request: NextRequest) {
  return NextResponse.json({ ip: ipAddress(request) ?? '0.0.0.0' });
}`,
      errors: [{ messageId: 'requestIp' }],
    },
    {
      settings: next15,
      code: `import { NextResponse } from 'next/server';
export function middleware(req) { return NextResponse.json({ ip: req.ip }); }`,
      output: `import { NextResponse } from 'next/server';
import { ipAddress } from '@vercel/functions';
export function middleware(req) { return NextResponse.json({ ip: ipAddress(req) }); }`,
      languageOptions: jsLanguageOptions,
      errors: [{ messageId: 'requestIpRemoved', data: { version: '15.1.0' } }],
    },
    // destructuring, with alias and default
    {
      settings: next15,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const { ip } = request;
  const { ip: addr = '0.0.0.0' } = request;
  return [ip, addr];
}`,
      output: [
        `import type { NextRequest } from 'next/server';
import { ipAddress } from '@vercel/functions';
export function GET(request: NextRequest) {
  const ip = ipAddress(request);
  const { ip: addr = '0.0.0.0' } = request;
  return [ip, addr];
}`,
        `import type { NextRequest } from 'next/server';
import { ipAddress } from '@vercel/functions';
export function GET(request: NextRequest) {
  const ip = ipAddress(request);
  const addr = ipAddress(request) ?? '0.0.0.0';
  return [ip, addr];
}`,
      ],
      errors: [{ messageId: 'requestIpRemoved' }, { messageId: 'requestIpRemoved' }],
    },
    {
      settings: next14,
      code: `import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) {
  const { ip, nextUrl } = request;
  return [ip, nextUrl];
}`,
      output: null,
      errors: [{ messageId: 'requestIp' }],
    },
    // an existing ipAddress import from the root module, merged next to geolocation
    {
      settings: next14,
      code: `import { geolocation } from '@fn-kit/functions';
import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) { return [geolocation(request), request.ip]; }`,
      output: `import { geolocation, ipAddress } from '@fn-kit/functions';
import type { NextRequest } from 'next/server';
export function GET(request: NextRequest) { return [geolocation(request), ipAddress(request)]; }`,
      errors: [{ messageId: 'requestIp' }],
    },
  ],
});
