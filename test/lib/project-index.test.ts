import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getProjectIndex } from '../../lib/project-index/index.js';
import { MAX_PARSED_MODULES, moduleParseCount } from '../../lib/project-index/parsed-module.js';
import { fixture } from '../rules/fixtures/paths.js';

const index = getProjectIndex({ enabled: true, runtimeModules: [] });
const at = (file: string): string => fixture('project-index', file);
const ROUTE = at('app/api/orders/route.ts');

describe('project index: resolution', () => {
  it.each([
    ['../../../lib/orders', 'lib/orders.ts', 'relative, extension added'],
    ['@/lib/orders', 'lib/orders.ts', 'tsconfig paths (`@/*`)'],
    ['~lib', 'lib/index.ts', 'tsconfig paths (exact pattern)'],
    ['lib/email', 'lib/email.ts', 'baseUrl from the extended tsconfig'],
    ['#lib/db', 'lib/db.ts', 'package.json imports with a wildcard'],
    ['#queue', 'lib/queue/index.ts', 'package.json imports, a conditions object'],
    ['@/lib/queue', 'lib/queue/index.ts', 'a directory resolves to its index file'],
    ['../../../lib/orders.js', 'lib/orders.ts', 'TypeScript maps .js to the .ts source'],
    ['../../../lib/legacy', 'lib/legacy.js', 'a JavaScript module'],
  ])('%s -> %s (%s)', (specifier, file) => {
    expect(index.resolve(ROUTE, specifier)).toBe(at(file));
  });

  it.each([
    ['next/server', 'a package'],
    ['@vercel/functions', 'a scoped package'],
    ['@/lib/missing', 'a path alias to a file that does not exist'],
    ['./nothing-here', 'a relative path to nothing'],
    ['node:fs', 'a node: builtin'],
  ])('%s is unknown (%s)', (specifier) => {
    expect(index.resolve(ROUTE, specifier)).toBeUndefined();
  });

  it('never resolves into node_modules, even through a path alias', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fn-kit-index-nm-'));
    try {
      mkdirSync(join(dir, 'node_modules', 'vendored'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'vendored', 'index.ts'), 'export async function x() {}\n');
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { 'v/*': ['./node_modules/vendored/*'] } } }));
      expect(index.resolve(join(dir, 'a.ts'), 'v/index')).toBeUndefined();
      expect(index.exportFacts(join(dir, 'a.ts'), './node_modules/vendored', 'x')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads jsconfig.json in a JavaScript project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fn-kit-index-js-'));
    try {
      mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
      writeFileSync(join(dir, 'jsconfig.json'), '{ "compilerOptions": { "baseUrl": "src" } }');
      writeFileSync(join(dir, 'src', 'lib', 'mail.js'), 'export async function send() {}\n');
      expect(index.exportFacts(join(dir, 'src', 'routes', 'a.js'), 'lib/mail', 'send')).toEqual({ result: 'promise' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('project index: export facts', () => {
  it('knows what calling a function gives', () => {
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'saveOrder')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'archive')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'formatOrder')?.result).toBe('value');
    // A promise on one path only is not certain: codemods act on these facts without review.
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'maybeSync')?.result).toBeUndefined();
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'nope')).toBeUndefined();
  });

  it('follows re-export chains, `export *`, renames and the .js mapping', () => {
    expect(index.exportFacts(ROUTE, '~lib', 'saveOrder')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '~lib', 'welcome')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '@/lib/esm', 'save')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '#queue', 'enqueue')?.result).toBe('promise');
  });

  it('ends cycles and missing files in unknown', () => {
    expect(index.exportFacts(ROUTE, '@/lib/cycle-a', 'fromA')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '@/lib/cycle-a', 'fromB')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '@/lib/cycle-a', 'neither')).toBeUndefined();
    expect(index.exportFacts(ROUTE, '@/lib/broken-reexport', 'missing')).toBeUndefined();
  });

  it('reads CommonJS exports', () => {
    expect(index.exportFacts(ROUTE, '@/lib/legacy', 'track')?.result).toBe('promise');
    expect(index.exportFacts(ROUTE, '@/lib/legacy', 'log')?.result).toBe('value');
    expect(index.exportFacts(ROUTE, '@/lib/legacy', 'ping')?.result).toBe('promise');
  });

  it('finds work a function starts and drops, directly, through a helper of its module, and across modules', () => {
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'recordAudit')?.dropsWork).toEqual({ file: at('lib/orders.ts'), line: 9, reportedThere: false });
    expect(index.exportFacts(ROUTE, '@/lib/email', 'sendLater')?.dropsWork).toEqual({ file: at('lib/email.ts'), line: 11, reportedThere: false });
    expect(index.exportFacts(ROUTE, '@/lib/email', 'audit')?.dropsWork).toEqual({ file: at('lib/orders.ts'), line: 9, reportedThere: false });
    expect(index.exportFacts(ROUTE, '@/lib/notify', 'notifyAll')?.dropsWork).toEqual({ file: at('lib/email.ts'), line: 11, reportedThere: false });
    // A server action's own dropped work is reported in its file: callers are not told again.
    expect(index.exportFacts(ROUTE, '@/app/actions', 'subscribe')?.dropsWork).toEqual({ file: at('app/actions.ts'), line: 5, reportedThere: true });
    // Awaited / returned work, and work in a callback that may never run, is not dropped by the call.
    expect(index.exportFacts(ROUTE, '@/lib/orders', 'saveOrder')?.dropsWork).toBeUndefined();
    expect(index.exportFacts(ROUTE, '@/lib/email', 'onSignal')?.dropsWork).toBeUndefined();
  });

  it('knows the API under other names: re-exports, `export *`, wrappers', () => {
    expect(index.exportFacts(ROUTE, '@/lib/background', 'waitUntil')?.api).toEqual({ module: '@vercel/functions', name: 'waitUntil', wrapper: false });
    expect(index.exportFacts(ROUTE, '@/lib/background', 'keepAlive')?.api).toEqual({ module: '@vercel/functions', name: 'waitUntil', wrapper: false });
    expect(index.exportFacts(ROUTE, '@/lib/api', 'waitUntil')?.api).toEqual({ module: '@vercel/functions', name: 'waitUntil', wrapper: false });
    expect(index.exportFacts(ROUTE, '@/lib/background', 'background')?.api).toEqual({ module: '@vercel/functions', name: 'waitUntil', wrapper: true, param: 0 });
    expect(index.exportFacts(ROUTE, '@/lib/background', 'backgroundLogged')?.api).toEqual({ module: '@vercel/functions', name: 'waitUntil', wrapper: true, param: 0 });
    expect(index.exportFacts(ROUTE, '@/lib/background', 'later')?.api).toEqual({ module: 'next/server', name: 'after', wrapper: true, param: 0 });
    expect(index.exportFacts(ROUTE, '@/lib/background', 'run')?.api).toBeUndefined();
    expect(index.exportFacts(ROUTE, '@/lib/oidc', 'getVercelOidcToken')?.api).toEqual({ module: '@vercel/oidc', name: 'getVercelOidcToken', wrapper: false });
    expect(index.exportFacts(ROUTE, '@/lib/oidc', 'readToken')?.api).toEqual({ module: '@vercel/oidc', name: 'getVercelOidcToken', wrapper: true });
    expect(index.apiAlias(ROUTE, '@/lib/orders', 'saveOrder')).toBeUndefined();
  });

  it('knows library clients and project factories that return them', () => {
    expect(index.exportFacts(ROUTE, '@/lib/db', 'db')?.client).toEqual({ library: 'Supabase', client: 0 });
    expect(index.exportFacts(ROUTE, '@/utils/supabase', 'createClient')).toEqual({ result: 'promise', returnsClient: { library: 'Supabase', client: 0 } });
  });

  it('answers nothing when disabled', () => {
    const off = getProjectIndex({ enabled: false, runtimeModules: [] });
    expect(off.resolve(ROUTE, '@/lib/orders')).toBeUndefined();
    expect(off.exportFacts(ROUTE, '@/lib/orders', 'saveOrder')).toBeUndefined();
  });
});

describe('project index: cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fn-kit-index-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const from = join(dir, 'route.ts');
  let clock = 1_700_000_000;
  /** Writes a file with a distinct mtime (some file systems keep whole seconds). */
  const write = (name: string, text: string): void => {
    writeFileSync(join(dir, name), text);
    clock += 10;
    utimesSync(join(dir, name), clock, clock);
  };

  it('parses a module once per version, and a changed import changes the answer in the same process', () => {
    write('work.ts', 'export function work() { return 1; }\nexport async function other() {}\n');
    expect(index.exportFacts(from, './work', 'work')?.result).toBe('value');
    const parses = moduleParseCount();
    expect(index.exportFacts(from, './work', 'work')?.result).toBe('value');
    expect(moduleParseCount()).toBe(parses);
    write('work.ts', 'export async function work() { return 1; }\n');
    expect(index.exportFacts(from, './work', 'work')?.result).toBe('promise');
    expect(moduleParseCount()).toBe(parses + 1);
  });

  it('keeps a bounded number of parsed modules; remembered facts need no parse, a new question parses again', () => {
    const count = MAX_PARSED_MODULES + 4;
    for (let i = 0; i < count; i++) write(`many${i}.ts`, `export async function a${i}() {}\nexport function b${i}() { return fetch('/b'); }\n`);
    for (let i = 0; i < count; i++) expect(index.exportFacts(from, `./many${i}`, `a${i}`)?.result).toBe('promise');
    const parses = moduleParseCount();
    // Asked before: answered from memory, even for the modules whose parse was dropped.
    for (let i = 0; i < count; i++) expect(index.exportFacts(from, `./many${i}`, `a${i}`)?.result).toBe('promise');
    expect(moduleParseCount()).toBe(parses);
    // A new question about the first module (dropped: least recently used) parses it again.
    expect(index.exportFacts(from, './many0', 'b0')?.result).toBe('promise');
    expect(moduleParseCount()).toBe(parses + 1);
    // One still kept does not.
    expect(index.exportFacts(from, `./many${count - 1}`, `b${count - 1}`)?.result).toBe('promise');
    expect(moduleParseCount()).toBe(parses + 1);
  });

  it('never parses a module that cannot hold a fact (no promise source, no import, no re-export)', () => {
    write('plain.ts', 'export function add(a: number, b: number) { return a + b; }\n');
    const parses = moduleParseCount();
    expect(index.exportFacts(from, './plain', 'add')).toBeUndefined();
    expect(index.apiAlias(from, './plain', 'add')).toBeUndefined();
    expect(moduleParseCount()).toBe(parses);
    // The same module, once it starts work, is read again: the text check is per version.
    write('plain.ts', "export function add(a: number, b: number) { fetch('https://example.com/' + a); return a + b; }\n");
    expect(index.exportFacts(from, './plain', 'add')?.dropsWork?.line).toBe(1);
  });

  it('reads a helper that starts work only on the bindings it is handed (no other promise source)', () => {
    write('hits.ts', 'export function hit(env: Env, slug: string): void {\n  env.HITS.put(slug, "1");\n}\nexport function name(env: Env) {\n  return env.NAME.trim();\n}\n');
    expect(index.exportFacts(from, './hits', 'hit')?.dropsWork?.line).toBe(2);
    expect(index.exportFacts(from, './hits', 'name')).toBeUndefined();
  });

  it('a change two modules away changes the answer too', () => {
    write('inner.ts', 'export function go() { return 1; }\n');
    write('outer.ts', "export { go } from './inner';\n");
    // `inner` has no promise source: unknown without being parsed; then it gets one.
    expect(index.exportFacts(from, './outer', 'go')).toBeUndefined();
    write('inner.ts', "export function go() { return fetch('https://example.com'); }\n");
    expect(index.exportFacts(from, './outer', 'go')?.result).toBe('promise');
    write('inner.ts', 'export function go() { return 1; }\nexport async function later() {}\n');
    expect(index.exportFacts(from, './outer', 'go')?.result).toBe('value');
  });

  it('a file that does not parse, or is too large, is unknown', () => {
    write('broken.ts', 'export async function (\n');
    expect(index.exportFacts(from, './broken', 'x')).toBeUndefined();
    write('huge.ts', `export async function big() {}\n//${'x'.repeat(600 * 1024)}\n`);
    expect(index.exportFacts(from, './huge', 'big')).toBeUndefined();
  });

  it('a re-export chain deeper than the bound is unknown, not followed forever', () => {
    for (let i = 0; i < 12; i++) write(`chain${i}.ts`, i === 11 ? 'export async function deep() {}\n' : `export * from './chain${i + 1}';\n`);
    expect(index.exportFacts(from, './chain9', 'deep')?.result).toBe('promise');
    expect(index.exportFacts(from, './chain0', 'deep')).toBeUndefined();
  });
});
