// Files that use the functions API, for the synthetic code base. Some use it correctly,
// some misuse it in the ways the rules flag (so the plugin has real work to do), and the
// codemod variant uses NextRequest `.geo` / `.ip`, which both geo/ip codemods rewrite.

const LOGGER = `async function logVisit(path: string, country?: string): Promise<void> {
  await fetch('https://analytics.example.com/visit', { method: 'POST', body: JSON.stringify({ path, country }) });
}
`;

/** Route handlers, actions and pages API routes that use the API; `variant` picks the usage. */
export function apiRouteFile(variant) {
  switch (variant % 8) {
    case 0: // correct: waitUntil with a promise, geolocation(), ipAddress()
      return `import { NextResponse, type NextRequest } from 'next/server';
import { geolocation, ipAddress, waitUntil } from '@vercel/functions';

${LOGGER}
export async function GET(request: NextRequest) {
  const { country, city } = geolocation(request);
  waitUntil(logVisit(request.nextUrl.pathname, country));
  return NextResponse.json({ city, ip: ipAddress(request) ?? null });
}
`;
    case 1: // misuse: waitUntil given a function
      return `import { NextResponse } from 'next/server';
import { waitUntil } from '@vercel/functions';

${LOGGER}
export async function POST(request: Request) {
  const body = await request.json();
  waitUntil(async () => {
    await logVisit('/submit', body.country);
  });
  return NextResponse.json({ ok: true });
}
`;
    case 2: // misuse: floating promise in a route handler
      return `import { NextResponse } from 'next/server';

${LOGGER}
export async function GET(request: Request) {
  const url = new URL(request.url);
  logVisit(url.pathname);
  return NextResponse.json({ path: url.pathname });
}
`;
    case 3: // misuse: raw geo/ip headers
      return `import { NextResponse } from 'next/server';

export async function GET(request: Request) {
  const country = request.headers.get('x-vercel-ip-country') ?? 'US';
  const city = decodeURIComponent(request.headers.get('x-vercel-ip-city') ?? '');
  const ip = request.headers.get('x-forwarded-for')?.split(',')[0];
  return NextResponse.json({ country, city, ip });
}
`;
    case 4: // misuse: OIDC token read from the environment, and a misspelt system variable
      return `import { NextResponse } from 'next/server';

export async function GET() {
  const token = process.env.VERCEL_OIDC_TOKEN;
  const region = process.env.VERCEL_REGOIN ?? 'dev1';
  const response = await fetch('https://internal.example.com/data', {
    headers: { authorization: \`Bearer \${token}\`, 'x-region': region },
  });
  return NextResponse.json(await response.json());
}
`;
    case 5: // misuse: direct system env reads; correct getEnv elsewhere
      return `import { NextResponse } from 'next/server';
import { getEnv } from '@vercel/functions';

export async function GET() {
  const { VERCEL_REGION } = getEnv();
  const environment = process.env.VERCEL_ENV ?? 'development';
  const sha = process.env.VERCEL_GIT_COMMIT_SHA;
  return NextResponse.json({ environment, sha, region: VERCEL_REGION });
}
`;
    case 6: // pages API route: waitUntil stays (after does not apply)
      return `import type { NextApiRequest, NextApiResponse } from 'next';
import { waitUntil } from '@vercel/functions';

${LOGGER}
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  waitUntil(logVisit(req.url ?? '/'));
  res.status(200).json({ ok: true });
}
`;
    default: // server action with a floating promise and the OIDC getter
      return `'use server';

import { getVercelOidcToken } from '@vercel/oidc';

${LOGGER}
export async function submit(formData: FormData) {
  const token = await getVercelOidcToken();
  logVisit('/actions/submit');
  await fetch('https://internal.example.com/submit', {
    method: 'POST',
    headers: { authorization: \`Bearer \${token}\` },
    body: formData,
  });
}
`;
  }
}

/** A route handler using NextRequest `.geo` / `.ip` (removed in Next 15), in the shapes both codemods handle. */
export function geoIpRouteFile(variant) {
  switch (variant % 3) {
    case 0:
      return `import { NextResponse, type NextRequest } from 'next/server';

export async function GET(request: NextRequest) {
  const country = request.geo?.country ?? 'US';
  const ip = request.ip;
  return NextResponse.json({ country, ip });
}
`;
    case 1:
      return `import { NextResponse, type NextRequest } from 'next/server';

export async function GET(req: NextRequest) {
  const { geo, ip } = req;
  if (geo?.country === 'XX') return new NextResponse('blocked', { status: 451 });
  const response = NextResponse.json({ ok: true });
  response.headers.set('x-client-ip', ip ?? '');
  return response;
}
`;
    default:
      return `import { NextResponse, type NextRequest } from 'next/server';

export async function POST(request: NextRequest) {
  const body = await request.json();
  const city = request.geo?.city;
  return NextResponse.json({ ...body, city, from: request.ip ?? null });
}
`;
  }
}
