// Source templates for the synthetic Next.js-style code base. Each template takes a seeded
// random source and a name and returns realistic file text (50-200 lines): components,
// utilities, route handlers, pages API routes, server actions, middleware.

const NOUNS = ['user', 'order', 'invoice', 'product', 'cart', 'session', 'report', 'team', 'project', 'comment', 'ticket', 'payment', 'coupon', 'shipment', 'review', 'profile', 'account', 'message', 'event', 'booking'];
const VERBS = ['load', 'fetch', 'compute', 'format', 'normalize', 'validate', 'merge', 'resolve', 'build', 'parse'];
const FIELDS = ['id', 'name', 'email', 'status', 'createdAt', 'updatedAt', 'total', 'currency', 'ownerId', 'tags', 'count', 'title', 'slug', 'priority'];

const cap = (word) => word[0].toUpperCase() + word.slice(1);

function typeFor(field) {
  if (field === 'total' || field === 'count' || field === 'priority') return 'number';
  if (field === 'tags') return 'string[]';
  if (field === 'createdAt' || field === 'updatedAt') return 'Date';
  return 'string';
}

function interfaceBlock(rng, name) {
  const fields = [...new Set(Array.from({ length: rng.int(3, 8) }, () => rng.pick(FIELDS)))];
  const lines = fields.map((field) => `  ${field}${rng.chance(0.2) ? '?' : ''}: ${typeFor(field)};`);
  return `export interface ${name} {\n${lines.join('\n')}\n}\n`;
}

function helperBlock(rng, noun, index) {
  const verb = rng.pick(VERBS);
  const type = cap(noun);
  const fn = `${verb}${type}${index}`;
  switch (rng.int(0, 4)) {
    case 0:
      return `export function ${fn}(items: ${type}[], limit = ${rng.int(5, 50)}): ${type}[] {
  const seen = new Set<string>();
  const result: ${type}[] = [];
  for (const item of items) {
    const key = String(item.id ?? '').toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push(item);
    if (result.length >= limit) break;
  }
  return result;
}
`;
    case 1:
      return `export async function ${fn}(id: string, signal?: AbortSignal): Promise<${type} | null> {
  const response = await fetch(\`\${API_BASE}/${noun}s/\${encodeURIComponent(id)}\`, { signal, cache: 'no-store' });
  if (response.status === 404) return null;
  if (!response.ok) {
    throw new Error(\`${fn} failed: \${response.status} \${response.statusText}\`);
  }
  const body = (await response.json()) as { data: ${type} };
  return body.data;
}
`;
    case 2:
      return `export const ${fn} = (value: unknown): value is ${type} => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && record.id.length > 0;
};
`;
    case 3:
      return `export function ${fn}(rows: ReadonlyArray<${type}>): Map<string, number> {
  const totals = new Map<string, number>();
  rows.forEach((row, position) => {
    const bucket = String(row.id ?? position).slice(0, ${rng.int(2, 6)});
    totals.set(bucket, (totals.get(bucket) ?? 0) + 1);
  });
  return new Map([...totals.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
`;
    default:
      return `export function ${fn}(input: Partial<${type}>, fallback: ${type}): ${type} {
  const merged = { ...fallback, ...input } as ${type};
  // Keep the fallback's identity when the input leaves it out.
  if (!input.id) merged.id = fallback.id;
  return Object.freeze(merged);
}
`;
  }
}

/** Extra module-level helpers, so files have the size of real application modules. */
function helperSection(rng, noun, min, max) {
  const parts = [`const API_BASE = process.env.NEXT_PUBLIC_API_BASE ?? 'https://api.example.com';\n`];
  const count = rng.int(min, max);
  for (let i = 0; i < count; i++) parts.push(helperBlock(rng, noun, i));
  return parts.join('\n');
}

export function utilityFile(rng, name) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  const parts = [interfaceBlock(rng, type), helperSection(rng, noun, 5, 11)];
  parts.push(`export const ${name}Version = '${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}';\n`);
  return parts.join('\n');
}

export function legacyJsFile(rng, name) {
  const noun = rng.pick(NOUNS);
  const lines = [`'use strict';`, '', `const DEFAULT_LIMIT = ${rng.int(10, 100)};`, ''];
  for (let i = 0; i < rng.int(3, 6); i++) {
    lines.push(`function ${rng.pick(VERBS)}${cap(noun)}${i}(list, options) {
  const opts = Object.assign({ limit: DEFAULT_LIMIT }, options);
  return list
    .filter(function (entry) { return entry && entry.active !== false; })
    .slice(0, opts.limit)
    .map(function (entry, index) { return { index: index, id: entry.id, label: String(entry.name || '') }; });
}
`);
  }
  lines.push(`module.exports = { name: '${name}' };`);
  return lines.join('\n') + '\n';
}

export function componentFile(rng, name) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  const client = rng.chance(0.45);
  const fields = [...new Set(Array.from({ length: rng.int(2, 5) }, () => rng.pick(FIELDS)))];
  const rows = fields.map((field) => `          <td className="px-2 py-1">{String(item.${field} ?? '')}</td>`).join('\n');
  const state = client
    ? `  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const visible = useMemo(
    () => items.filter((item) => String(item.${fields[0]} ?? '').toLowerCase().includes(query.toLowerCase())),
    [items, query],
  );
  useEffect(() => {
    setPage(0);
  }, [query]);
`
    : `  const visible = items;
  const page = 0;
`;
  const input = client
    ? `      <input value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Search ${noun}s" />
      <button type="button" onClick={() => setPage((p) => p + 1)}>Next</button>\n`
    : '';
  return `${client ? "'use client';\n\n" : ''}import ${client ? '{ useEffect, useMemo, useState }' : '* as React'} from 'react';
import type { ReactNode } from 'react';

${interfaceBlock(rng, type)}
export interface ${name}Props {
  items: ${type}[];
  title?: string;
  footer?: ReactNode;
  pageSize?: number;
}

export function ${name}({ items, title = '${type}s', footer, pageSize = ${rng.int(10, 50)} }: ${name}Props) {
${state}  const start = page * pageSize;
  const rows = visible.slice(start, start + pageSize);
  if (rows.length === 0) {
    return <p className="text-muted">No ${noun}s yet.</p>;
  }
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
${input}      <table>
        <tbody>
          {rows.map((item, index) => (
        <tr key={String(item.id ?? index)}>
${rows}
        </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </section>
  );
}

export default ${name};

${helperSection(rng, noun, 2, 5)}`;
}

export function pageFile(rng, name) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  return `import { notFound } from 'next/navigation';
import type { Metadata } from 'next';

${interfaceBlock(rng, type)}
export const revalidate = ${rng.int(0, 3600)};

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  return { title: \`${type} \${slug}\` };
}

async function load${type}(slug: string): Promise<${type} | null> {
  const response = await fetch(\`https://api.example.com/${noun}s/\${slug}\`, { next: { revalidate } });
  if (!response.ok) return null;
  return (await response.json()) as ${type};
}

export default async function ${name}Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ${noun} = await load${type}(slug);
  if (!${noun}) notFound();
  return (
    <main>
      <h1>{String(${noun}.id)}</h1>
      <pre>{JSON.stringify(${noun}, null, 2)}</pre>
    </main>
  );
}

${helperSection(rng, noun, 2, 5)}`;
}

export function layoutFile(rng, name) {
  return `import type { ReactNode } from 'react';

export const metadata = { title: '${name}', description: 'Section ${rng.int(1, 99)}' };

export default function ${name}Layout({ children }: { children: ReactNode }) {
  return (
    <div className="layout">
      <nav>
        <a href="/">Home</a>
        <a href="/${name.toLowerCase()}">${name}</a>
      </nav>
      {children}
    </div>
  );
}
`;
}

function handlerBody(rng, noun, method) {
  const type = cap(noun);
  if (method === 'GET') {
    return `  const url = new URL(request.url);
  const limit = Number(url.searchParams.get('limit') ?? '${rng.int(10, 100)}');
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const rows = await list${type}s({ limit: Number.isFinite(limit) ? limit : 20, cursor });
  return NextResponse.json({ data: rows, next: rows.at(-1)?.id ?? null });`;
  }
  return `  const body = (await request.json().catch(() => null)) as Partial<${type}> | null;
  if (!body || typeof body.id !== 'string') {
    return NextResponse.json({ error: 'id is required' }, { status: 400 });
  }
  const saved = await save${type}(body);
  return NextResponse.json({ data: saved }, { status: 201 });`;
}

export function routeFile(rng) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  const methods = rng.chance(0.5) ? ['GET', 'POST'] : [rng.pick(['GET', 'POST'])];
  const handlers = methods.map((method) => `export async function ${method}(request: NextRequest) {\n${handlerBody(rng, noun, method)}\n}\n`);
  return `import { NextResponse, type NextRequest } from 'next/server';

${interfaceBlock(rng, type)}
export const dynamic = 'force-dynamic';

async function list${type}s(options: { limit: number; cursor?: string }): Promise<${type}[]> {
  const response = await fetch(\`https://api.example.com/${noun}s?limit=\${options.limit}&cursor=\${options.cursor ?? ''}\`);
  if (!response.ok) throw new Error(\`list ${noun}s: \${response.status}\`);
  return ((await response.json()) as { data: ${type}[] }).data;
}

async function save${type}(input: Partial<${type}>): Promise<${type}> {
  const response = await fetch('https://api.example.com/${noun}s', { method: 'POST', body: JSON.stringify(input) });
  return (await response.json()) as ${type};
}

${handlers.join('\n')}
${helperSection(rng, noun, 1, 4)}`;
}

export function pagesApiFile(rng) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  return `import type { NextApiRequest, NextApiResponse } from 'next';

${interfaceBlock(rng, type)}
const cache = new Map<string, ${type}>();

async function find${type}(id: string): Promise<${type} | undefined> {
  if (cache.has(id)) return cache.get(id);
  const response = await fetch(\`https://api.example.com/${noun}s/\${id}\`);
  if (!response.ok) return undefined;
  const value = (await response.json()) as ${type};
  cache.set(id, value);
  return value;
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return res.status(405).end();
  }
  const id = Array.isArray(req.query.id) ? req.query.id[0] : req.query.id;
  if (!id) return res.status(400).json({ error: 'id is required' });
  const ${noun} = await find${type}(id);
  if (!${noun}) return res.status(404).json({ error: 'not found' });
  return res.status(200).json(${noun});
}

${helperSection(rng, noun, 1, 4)}`;
}

export function actionsFile(rng) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  return `'use server';

import { revalidatePath } from 'next/cache';

${interfaceBlock(rng, type)}
export async function create${type}(formData: FormData) {
  const name = String(formData.get('name') ?? '').trim();
  if (name.length < ${rng.int(2, 4)}) {
    return { ok: false as const, error: 'name is too short' };
  }
  const response = await fetch('https://api.example.com/${noun}s', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) return { ok: false as const, error: 'could not save' };
  revalidatePath('/${noun}s');
  return { ok: true as const };
}

export async function delete${type}(id: string) {
  await fetch(\`https://api.example.com/${noun}s/\${id}\`, { method: 'DELETE' });
  revalidatePath('/${noun}s');
}

${helperSection(rng, noun, 1, 4)}`;
}

export function middlewareFile() {
  return `import { NextResponse, type NextRequest } from 'next/server';

const PUBLIC_PATHS = ['/login', '/signup', '/favicon.ico'];

export function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PATHS.some((path) => pathname.startsWith(path))) return NextResponse.next();
  const session = request.cookies.get('session')?.value;
  if (!session) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.searchParams.set('from', pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ['/((?!_next/static|_next/image).*)'] };
`;
}

export function hookFile(rng, name) {
  const noun = rng.pick(NOUNS);
  const type = cap(noun);
  return `'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

${interfaceBlock(rng, type)}
export function use${name}(id: string | undefined) {
  const [data, setData] = useState<${type} | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const controller = useRef<AbortController | null>(null);
  const reload = useCallback(async () => {
    if (!id) return;
    controller.current?.abort();
    controller.current = new AbortController();
    try {
      const response = await fetch(\`/api/${noun}s/\${id}\`, { signal: controller.current.signal });
      setData((await response.json()) as ${type});
    } catch (caught) {
      if ((caught as Error).name !== 'AbortError') setError(caught as Error);
    }
  }, [id]);
  useEffect(() => {
    void reload();
    return () => controller.current?.abort();
  }, [reload]);
  return { data, error, reload };
}

${helperSection(rng, noun, 1, 3)}`;
}
