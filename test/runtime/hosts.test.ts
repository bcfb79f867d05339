/**
 * The runtime on every host (one test group per row of the README's host table), on real
 * HTTP servers (127.0.0.1) playing each host's documented handler contract. Hosts with a
 * keeper end the request's isolate once the response is done and every promise handed to
 * their `waitUntil` has settled: inside withRequestContext the tracked tasks finish before
 * that; without it they are cut off (and fn-kit says they were untracked).
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { after, drain, waitUntil, withRequestContext, type BackgroundErrorInfo, type RequestContextOptions } from '@fn-kit/functions';
import { getVercelOidcTokenSync } from '@fn-kit/functions/oidc';
import { REQUEST_CONTEXT_SYMBOL_KEY } from '@fn-kit/functions/catalog';
import { resetRegistryForTests } from '../../packages/functions/src/context/registry.js';
import { deferred, nextTurn } from './helpers/deferred.js';
import {
  fakeHost,
  isolateOf,
  netlifyContext,
  pagesContext,
  type BunServer,
  type DenoServeHandlerInfo,
  type FakeExecutionContext,
  type FakeIsolate,
  type HostCall,
  type NetlifyContext,
  type PagesContext,
} from './helpers/hosts.js';
import { listen, type RunningServer } from './helpers/servers.js';

const platformKey = Symbol.for(REQUEST_CONTEXT_SYMBOL_KEY);
const host = globalThis as unknown as Record<symbol, unknown>;

let server: RunningServer | undefined;
let warn: MockInstance<typeof console.warn>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  resetRegistryForTests();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete host[platformKey];
  vi.restoreAllMocks();
  process.off('unhandledRejection', onUnhandled);
});

function collector() {
  const reports: { error: unknown; info: BackgroundErrorInfo }[] = [];
  return { reports, onError: (error: unknown, info: BackgroundErrorInfo) => void reports.push({ error, info }) };
}

/** Host-neutral request work: what the tests put in each host's handler. */
type App = (request: Request, isolate: FakeIsolate) => Response | Promise<Response>;

interface KeeperHost {
  row: string;
  /** A handler of the host's documented shape running `app`, wrapped or not. */
  handler(app: App, options?: RequestContextOptions | false): (...args: never[]) => unknown;
  /** How the host calls it. */
  invoke(handler: (...args: never[]) => unknown, call: HostCall): Promise<Response | undefined>;
}

const wrapIf = <H extends (...args: never[]) => unknown>(handler: H, options: RequestContextOptions | false | undefined): H =>
  options === false ? handler : (withRequestContext(handler as never, options) as unknown as H);

const call = (handler: (...args: never[]) => unknown, ...args: unknown[]) =>
  Promise.resolve((handler as (...a: unknown[]) => unknown)(...args) as Response | undefined);

const workersEnv = { GREETING: 'hello' };

const keeperHosts: KeeperHost[] = [
  {
    row: 'Cloudflare Workers: fetch(request, env, ctx), ctx.waitUntil',
    handler: (app, options) =>
      wrapIf((request: Request, _env: typeof workersEnv, ctx: FakeExecutionContext) => app(request, isolateOf(ctx)), options),
    invoke: (handler, { request, isolate }) => call(handler, request, workersEnv, isolate.ctx),
  },
  {
    row: 'Cloudflare Pages Functions: onRequest(context), context.waitUntil',
    handler: (app, options) => wrapIf((context: PagesContext) => app(context.request, isolateOf(context)), options),
    invoke: (handler, { request, isolate }) => call(handler, pagesContext(request, isolate)),
  },
  {
    row: 'Netlify Functions: (request, context), context.waitUntil',
    handler: (app, options) => wrapIf((request: Request, context: NetlifyContext) => app(request, isolateOf(context)), options),
    invoke: (handler, { request, isolate }) => call(handler, request, netlifyContext(request, isolate, false)),
  },
  {
    row: 'Netlify Edge Functions: (request, context), context.waitUntil',
    handler: (app, options) => wrapIf((request: Request, context: NetlifyContext) => app(request, isolateOf(context)), options),
    invoke: (handler, { request, isolate }) => call(handler, request, netlifyContext(request, isolate, true)),
  },
];

async function serve(hostDef: KeeperHost, handler: (...args: never[]) => unknown): Promise<{ url: string; calls: HostCall[] }> {
  const calls: HostCall[] = [];
  server = await listen(fakeHost((c) => hostDef.invoke(handler, c), calls));
  return { url: server.url, calls };
}

describe.each(keeperHosts)('$row', (hostDef) => {
  it('keeps the isolate alive until the waitUntil and after tasks finish', async () => {
    const gate = deferred();
    const reporter = collector();
    const handler = hostDef.handler(
      (request, isolate) => {
        waitUntil(gate.promise.then(() => isolate.step('waitUntil task done')));
        after(() => isolate.step('after callback ran'));
        return new Response(`hello ${new URL(request.url).pathname}`);
      },
      { timeoutMs: 5_000, onError: reporter.onError },
    );
    const { url, calls } = await serve(hostDef, handler);

    expect(await (await fetch(`${url}/a`)).text()).toBe('hello /a');
    const { isolate } = calls[0]!;
    await nextTurn();
    expect(isolate.isAlive).toBe(true); // held by the handed tasks
    expect(isolate.handed).toHaveLength(2); // each task exactly once
    gate.resolve();
    await isolate.ended;
    expect(isolate.log).toEqual(['after callback ran', 'waitUntil task done']);
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(reporter.reports).toEqual([]);
    expect(isolate.hostSawRejections).toEqual([]);
  });

  it('without withRequestContext the isolate ends with the response: the task is cut off, and fn-kit says it was untracked', async () => {
    const gate = deferred();
    const handler = hostDef.handler((_request, isolate) => {
      waitUntil(gate.promise.then(() => isolate.step('waitUntil task done')));
      return new Response('ok');
    }, false);
    const { url, calls } = await serve(hostDef, handler);

    expect(await (await fetch(url)).text()).toBe('ok');
    const { isolate } = calls[0]!;
    await isolate.ended; // nothing was handed to the host
    expect(isolate.handed).toEqual([]);
    gate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(isolate.log).toEqual(['waitUntil task done (cut off)']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/waitUntil\(\) was called outside a request context/);
  });

  it('reports a rejection once; the promise handed to the host never rejects; no unhandled rejection', async () => {
    const reporter = collector();
    const failed = new Error('background failed');
    const thrown = new Error('after failed');
    const handler = hostDef.handler(
      () => {
        waitUntil(Promise.reject(failed));
        after(() => {
          throw thrown;
        });
        return new Response('ok');
      },
      { onError: reporter.onError },
    );
    const { url, calls } = await serve(hostDef, handler);

    expect((await fetch(url)).status).toBe(200);
    const { isolate } = calls[0]!;
    await isolate.ended;
    await nextTurn();
    expect(isolate.handed).toHaveLength(2);
    expect(isolate.hostSawRejections).toEqual([]);
    expect(reporter.reports).toEqual([
      { error: failed, info: { kind: 'rejected', source: 'waitUntil', tracked: true } },
      { error: thrown, info: { kind: 'rejected', source: 'after', tracked: true } },
    ]);
    expect(unhandled).toEqual([]);
  });

  it('keeps the time budget: a task past timeoutMs is reported cut off and the isolate is let go', async () => {
    const reporter = collector();
    const handler = hostDef.handler(
      () => {
        waitUntil(new Promise(() => {})); // never settles
        return new Response('ok');
      },
      { timeoutMs: 30, onError: reporter.onError },
    );
    const { url, calls } = await serve(hostDef, handler);

    expect(await (await fetch(url)).text()).toBe('ok');
    await calls[0]!.isolate.ended; // released when the budget ran out, not held forever
    expect(reporter.reports.map((r) => r.info)).toEqual([{ kind: 'cut-off', source: 'waitUntil', tracked: true, timeoutMs: 30 }]);
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
  });

  it('reads the request headers of the call (the OIDC token header)', async () => {
    const handler = hostDef.handler(() => new Response(getVercelOidcTokenSync()));
    const { url } = await serve(hostDef, handler);
    const response = await fetch(url, { headers: { 'x-vercel-oidc-token': 'per-request-token' } });
    expect(await response.text()).toBe('per-request-token');
  });
});

describe('host keeper edge cases', () => {
  const workers = keeperHosts[0]!;

  it('tasks registered by a background task after the response are handed to the host too', async () => {
    const gate = deferred();
    const handler = workers.handler(
      (_request, isolate) => {
        waitUntil(
          Promise.resolve().then(() => {
            waitUntil(gate.promise.then(() => isolate.step('nested task done')));
          }),
        );
        return new Response('ok');
      },
      { timeoutMs: 5_000 },
    );
    const { url, calls } = await serve(workers, handler);
    expect(await (await fetch(url)).text()).toBe('ok');
    const { isolate } = calls[0]!;
    await nextTurn();
    expect(isolate.handed).toHaveLength(2);
    gate.resolve();
    await isolate.ended;
    expect(isolate.log).toEqual(['nested task done']);
  });

  it('a host waitUntil that throws is reported as host-refused; the task still runs and is tracked', async () => {
    const reporter = collector();
    const refusal = new Error('this isolate takes no more work');
    const gate = deferred();
    let isolateOfCall: FakeIsolate | undefined;
    const handler = workers.handler(
      (_request, isolate) => {
        isolateOfCall = isolate;
        isolate.refuseWith = refusal;
        waitUntil(gate.promise.then(() => isolate.step('task done')));
        return new Response('ok');
      },
      { onError: reporter.onError },
    );
    const { url } = await serve(workers, handler);
    expect(await (await fetch(url)).text()).toBe('ok');
    expect(reporter.reports).toEqual([{ error: refusal, info: { kind: 'host-refused', source: 'waitUntil', tracked: true } }]);
    expect((await drain(0)).pending).toBe(1);
    gate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(isolateOfCall?.log).toEqual(['task done (cut off)']);
  });

  it('Netlify Edge Functions: a handler that returns undefined (pass to the origin) keeps its tasks alive', async () => {
    const edge = keeperHosts[3]!;
    const gate = deferred();
    const handler = withRequestContext(((_request: Request, context: NetlifyContext) => {
      const isolate = isolateOf(context);
      waitUntil(gate.promise.then(() => isolate.step('edge task done')));
      return undefined;
    }) as unknown as (request: Request, context: NetlifyContext) => Response);
    const { url, calls } = await serve(edge, handler as never);
    expect(await (await fetch(url)).text()).toBe('from the origin');
    const { isolate } = calls[0]!;
    await nextTurn();
    expect(isolate.isAlive).toBe(true);
    gate.resolve();
    await isolate.ended;
    expect(isolate.log).toEqual(['edge task done']);
  });
});

describe('Vercel: the platform context wins; the handler context is the same keeper and gets nothing more', () => {
  it('hands each task once to the platform waitUntil and never to the (request, context) argument', async () => {
    const platformHanded: Promise<unknown>[] = [];
    const argumentHanded: Promise<unknown>[] = [];
    host[platformKey] = { get: () => ({ waitUntil: (p: Promise<unknown>) => platformHanded.push(p), headers: {} }) };
    const gate = deferred();
    const events: string[] = [];
    const handler = withRequestContext((_request: Request, _context: { waitUntil(p: Promise<unknown>): void }) => {
      waitUntil(gate.promise.then(() => events.push('waitUntil done')));
      after(() => events.push('after ran'));
      return new Response('ok');
    });
    server = await listen(
      fakeHost(({ request }) => handler(request, { waitUntil: (p: Promise<unknown>) => argumentHanded.push(p) })),
    );
    expect(await (await fetch(server.url)).text()).toBe('ok');
    expect(platformHanded).toHaveLength(2);
    expect(argumentHanded).toEqual([]);
    gate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(events.sort()).toEqual(['after ran', 'waitUntil done']);
  });
});

describe('hosts without a keeper: the process lives on; fn-kit tracks the tasks', () => {
  it('Deno: Deno.serve((request, info)): info is no keeper; drain waits; the budget applies', async () => {
    const reporter = collector();
    const gate = deferred();
    const events: string[] = [];
    let sawInfo: DenoServeHandlerInfo | undefined;
    const handler = withRequestContext(
      (request: Request, info: DenoServeHandlerInfo) => {
        sawInfo = info;
        waitUntil(gate.promise.then(() => events.push('task done')));
        waitUntil(new Promise(() => {})); // never settles: cut off by the budget
        return new Response(new URL(request.url).pathname);
      },
      { timeoutMs: 40, onError: reporter.onError },
    );
    server = await listen(
      fakeHost(({ request, isolate }) =>
        handler(request, { remoteAddr: { transport: 'tcp', hostname: '127.0.0.1', port: 1 }, completed: isolate.ended }),
      ),
    );
    expect(await (await fetch(`${server.url}/deno`)).text()).toBe('/deno');
    await sawInfo?.completed;
    expect(events).toEqual([]); // the response went out first
    gate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(events).toEqual(['task done']);
    expect(reporter.reports.map((r) => r.info.kind)).toEqual(['cut-off']);
  });

  it('Bun: Bun.serve({ fetch(request, server) }): the server object is no keeper; drain waits', async () => {
    const gate = deferred();
    const events: string[] = [];
    const bunServer: BunServer = {
      port: 0,
      development: false,
      requestIP: () => ({ address: '127.0.0.1', family: 'IPv4', port: 1 }),
      upgrade: () => false,
      timeout: () => {},
      stop: () => {},
    };
    const handler = withRequestContext((_request: Request, srv: BunServer) => {
      waitUntil(gate.promise.then(() => events.push(`task done for ${srv.requestIP(_request)?.address}`)));
      after(() => events.push('after ran'));
      return new Response('bun');
    });
    server = await listen(fakeHost(({ request }) => handler(request, bunServer)));
    expect(await (await fetch(server.url)).text()).toBe('bun');
    await nextTurn();
    expect((await drain(0)).pending).toBe(1);
    gate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(events).toEqual(['after ran', 'task done for 127.0.0.1']);
  });
});
