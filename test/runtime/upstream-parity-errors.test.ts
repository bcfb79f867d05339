/**
 * Error parity with the installed `@vercel/functions` and `@vercel/oidc`: for each
 * condition both raise an error for, the same built-in error class (and upstream's own
 * class name where it names one), and fn-kit's message starts with upstream's first
 * sentence (then fn-kit's guidance). The missing AWS peer is simulated for both in one
 * child process by a module resolve hook, as a real missing install fails.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as upstreamRoot from '@vercel/functions';
import * as upstreamMiddleware from '@vercel/functions/middleware';
import * as upstreamFunctionsOidc from '@vercel/functions/oidc';
import * as upstreamOidc from '@vercel/oidc';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitUntil } from '@fn-kit/functions';
import { next, rewrite } from '@fn-kit/functions/middleware';
import { getVercelOidcToken, getVercelOidcTokenSync } from '@fn-kit/functions/oidc';
import { OIDC_FACTS, REQUEST_CONTEXT_SYMBOL_KEY } from '@fn-kit/functions/catalog';
import { buildRuntime, functionsDir, node, repoRoot } from '../packaging/helpers.js';
import { jwt } from './helpers/oidc.js';

const BUILT_IN_ERRORS = [TypeError, RangeError, SyntaxError, URIError, ReferenceError, EvalError, Error] as const;
const BUILT_IN_NAMES = new Set<string>(BUILT_IN_ERRORS.map((C) => C.name));

interface ErrorSummary {
  builtIn: string;
  name: string;
  message: string;
}

function summarize(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`);
  return { builtIn: BUILT_IN_ERRORS.find((C) => error instanceof C)!.name, name: error.name, message: error.message };
}

/** Upstream's first sentence: the first line, up to its first full stop (or all of it). */
function firstSentence(message: string): string {
  const line = message.trimStart().split('\n')[0]!;
  const end = /[.!?](\s|$)/.exec(line);
  return end ? line.slice(0, end.index + 1) : line;
}

async function thrown(run: () => unknown): Promise<ErrorSummary> {
  try {
    await run();
  } catch (error) {
    return summarize(error);
  }
  throw new Error('expected an error');
}

function expectParity(ours: ErrorSummary, theirs: ErrorSummary): void {
  expect(ours.builtIn).toBe(theirs.builtIn);
  if (!BUILT_IN_NAMES.has(theirs.name)) expect(ours.name).toBe(theirs.name);
  const sentence = firstSentence(theirs.message);
  expect(sentence.length).toBeGreaterThan(10);
  expect(ours.message.startsWith(sentence), `${JSON.stringify(ours.message)} starts with ${JSON.stringify(sentence)}`).toBe(true);
}

const platformKey = Symbol.for(REQUEST_CONTEXT_SYMBOL_KEY);
let scratch: string;

beforeEach(() => {
  vi.stubEnv(OIDC_FACTS.envVar, undefined);
  vi.stubEnv(OIDC_FACTS.fileEnvVar, undefined);
  delete (globalThis as Record<symbol, unknown>)[platformKey];
  scratch = mkdtempSync(join(tmpdir(), 'fn-kit-parity-'));
  // Upstream's async getter tries a CLI refresh: from a directory with no linked project
  // (no .vercel up the tree) it gives up before running anything.
  vi.spyOn(process, 'cwd').mockReturnValue(scratch);
  vi.stubEnv('XDG_DATA_HOME', join(scratch, 'data'));
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // the untracked-task warning
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the same errors as upstream, upstream wording first', () => {
  it.each([
    ['a function', () => {}],
    ['an async function', async () => {}],
    ['a callable thenable', Object.assign(() => {}, { then: () => {} })],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'p'],
    ['a plain object', {}],
  ])('waitUntil with %s', async (_label, value) => {
    expectParity(await thrown(() => waitUntil(value as never)), await thrown(() => upstreamRoot.waitUntil(value as never)));
  });

  it('waitUntil accepts what upstream accepts (promises and thenable objects)', () => {
    for (const value of [Promise.resolve(1), { then: (resolve: (v: number) => void) => resolve(1) }]) {
      expect(() => upstreamRoot.waitUntil(value as Promise<number>)).not.toThrow();
      expect(() => waitUntil(value as Promise<number>)).not.toThrow();
    }
  });

  it('getVercelOidcTokenSync without a token (@vercel/oidc and @vercel/functions/oidc)', async () => {
    const ours = await thrown(() => getVercelOidcTokenSync());
    expectParity(ours, await thrown(() => upstreamOidc.getVercelOidcTokenSync()));
    expectParity(ours, await thrown(() => upstreamFunctionsOidc.getVercelOidcTokenSync()));
  });

  it('getVercelOidcToken without a token (@vercel/oidc and @vercel/functions/oidc)', async () => {
    const ours = await thrown(() => getVercelOidcToken());
    const theirs = await thrown(() => upstreamOidc.getVercelOidcToken());
    expect(theirs.name).toBe('VercelOidcTokenError');
    expectParity(ours, theirs);
    expectParity(ours, await thrown(() => upstreamFunctionsOidc.getVercelOidcToken()));
  });

  it('the AWS provider without a token', async () => {
    const { awsCredentialsProvider } = await import('@fn-kit/functions/oidc');
    const roleArn = 'arn:aws:iam::123456789012:role/r';
    expectParity(
      await thrown(() => awsCredentialsProvider({ roleArn })()),
      await thrown(() => upstreamFunctionsOidc.awsCredentialsProvider({ roleArn })()),
    );
  });

  it('next() and rewrite() with request.headers that is not a Headers', async () => {
    const init = { request: { headers: { 'x-a': '1' } as unknown as Headers } };
    expectParity(await thrown(() => next(init)), await thrown(() => upstreamMiddleware.next(init)));
    expectParity(
      await thrown(() => rewrite('https://example.test/', init)),
      await thrown(() => upstreamMiddleware.rewrite('https://example.test/', init)),
    );
  });

  it('an expired token: upstream has no wording of its own (its async getter reports a failed CLI refresh), so fn-kit keeps its own', async () => {
    vi.stubEnv(OIDC_FACTS.envVar, jwt({ exp: Math.floor(Date.now() / 1000) - 60 }));
    const theirs = await thrown(() => upstreamOidc.getVercelOidcToken());
    // A tripwire: when upstream gains an expiry message, adopt its first sentence here.
    expect(theirs.message).not.toMatch(/expire/i);
    expect(theirs.message).toMatch(/link/);
    const ours = await thrown(() => getVercelOidcToken());
    expect(ours.name).toBe(theirs.name);
    expect(ours.message).toMatch(/^The Vercel OIDC token from the VERCEL_OIDC_TOKEN environment variable expired at \S+Z\./);
    // upstream's sync getter returns an expired token; fn-kit's reports it
    expect(() => upstreamOidc.getVercelOidcTokenSync()).not.toThrow();
    expect(() => getVercelOidcTokenSync()).toThrow(/expired at/);
  });
});

describe('a missing optional AWS peer (both, in one process with the peer made unresolvable)', () => {
  let dir: string;
  beforeAll(async () => {
    await buildRuntime();
    dir = mkdtempSync(join(tmpdir(), 'fn-kit-missing-peer-'));
    mkdirSync(dir, { recursive: true });
    const resolveFrom = createRequire(join(repoRoot, 'package.json'));
    const upstreamOidcEntry = pathToFileURL(resolveFrom.resolve('@vercel/functions/oidc')).href;
    const oursOidcEntry = pathToFileURL(join(functionsDir, 'dist', 'esm', 'oidc', 'index.js')).href;
    writeFileSync(
      join(dir, 'hook.mjs'),
      `export async function resolve(specifier, context, nextResolve) {
  if (specifier === ${JSON.stringify(OIDC_FACTS.awsWebIdentityPackage)}) {
    const error = new Error(\`Cannot find package '\${specifier}' imported from \${context.parentURL}\`);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return nextResolve(specifier, context);
}
`,
    );
    writeFileSync(
      join(dir, 'main.mjs'),
      `import { register } from 'node:module';
register('./hook.mjs', import.meta.url);
const summarize = (error) => ({ builtIn: error instanceof TypeError ? 'TypeError' : error instanceof Error ? 'Error' : typeof error, name: error?.name, message: error?.message, code: error?.code });
const outcome = async (run) => { try { await run(); return null; } catch (error) { return summarize(error); } };
const upstream = await import(${JSON.stringify(upstreamOidcEntry)});
const ours = await import(${JSON.stringify(oursOidcEntry)});
const init = { roleArn: 'arn:aws:iam::123456789012:role/r' };
console.log(JSON.stringify({
  theirs: await outcome(() => upstream.awsCredentialsProvider(init)()),
  ours: await outcome(() => ours.awsCredentialsProvider(init)()),
}));
`,
    );
  }, 150_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('upstream says the package is not found; fn-kit says so first, then what to install', () => {
    const out = JSON.parse(node(dir, join(dir, 'main.mjs'), { VERCEL_OIDC_TOKEN: jwt({ exp: Math.floor(Date.now() / 1000) + 600 }) }).stdout.trim().split('\n').at(-1)!);
    expect(out.theirs.message).toBe(`package '${OIDC_FACTS.awsWebIdentityPackage}' not found`);
    expectParity(out.ours, out.theirs);
    expect(out.ours.code).toBe('ERR_FN_KIT_MISSING_PEER');
    expect(out.ours.message).toContain(`npm install ${OIDC_FACTS.awsWebIdentityPackage}`);
  });
});
