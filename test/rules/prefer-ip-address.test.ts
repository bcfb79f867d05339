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
