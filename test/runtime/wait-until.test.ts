import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { after, drain, setBackgroundErrorReporter, waitUntil, withRequestContext } from '@fn-kit/functions';
import { REQUEST_CONTEXT_SYMBOL_KEY } from '@fn-kit/functions/catalog';
import { resetRegistryForTests } from '../../packages/functions/src/context/registry.js';
import { deferred, nextTurn } from './helpers/deferred.js';

const platformKey = Symbol.for(REQUEST_CONTEXT_SYMBOL_KEY);
const host = globalThis as unknown as Record<symbol, unknown>;

let warn: MockInstance<typeof console.warn>;
let error: MockInstance<typeof console.error>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  resetRegistryForTests();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  delete host[platformKey];
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.off('unhandledRejection', onUnhandled);
});

describe('waitUntil argument check', () => {
  const notPromises: [unknown, string][] = [
    [undefined, 'undefined'],
    [null, 'object'],
    [42, 'number'],
    ['p', 'string'],
    [{}, 'object'],
    [() => Promise.resolve(), 'function'],
    [async () => {}, 'function'],
    [Object.assign(() => {}, { then: () => {} }), 'function'],
    [Symbol('s'), 'symbol'],
  ];
  it.each(notPromises)('throws the upstream TypeError for %s', (value, type) => {
    expect(() => waitUntil(value as Promise<unknown>)).toThrow(TypeError);
    expect(() => waitUntil(value as Promise<unknown>)).toThrow(`waitUntil can only be called with a Promise, got ${type}`);
  });

  it('accepts promises and thenables, and drain() waits for the thenable to settle', async () => {
    expect(() => waitUntil(Promise.resolve(1))).not.toThrow();
    const settle = deferred();
    const then = vi.fn((resolve: (v: number) => void) => {
      void settle.promise.then(() => resolve(1));
    });
    expect(() => waitUntil({ then } as unknown as Promise<number>)).not.toThrow();
    const draining = drain(1_000);
    await Promise.resolve();
    expect(then).toHaveBeenCalled();
    settle.resolve();
    await expect(draining).resolves.toMatchObject({ drained: true });
  });

  it('after throws for something that is neither a promise nor a function', () => {
    expect(() => after(7 as unknown as Promise<unknown>)).toThrow('after can only be called with a Promise or a function, got number');
  });
});

describe('the platform request context', () => {
  it('hands the promise to the platform waitUntil', () => {
    const platformWaitUntil = vi.fn();
    host[platformKey] = { get: () => ({ waitUntil: platformWaitUntil }) };
    const promise = Promise.resolve('x');
    waitUntil(promise);
    expect(platformWaitUntil).toHaveBeenCalledExactlyOnceWith(promise);
    expect(warn).not.toHaveBeenCalled();
  });

  it('hands after() callbacks to the platform as a promise that runs them', async () => {
    const handed: Promise<unknown>[] = [];
    host[platformKey] = { get: () => ({ waitUntil: (p: Promise<unknown>) => handed.push(p) }) };
    const callback = vi.fn(() => 'done');
    after(callback);
    expect(handed).toHaveLength(1);
    expect(callback).not.toHaveBeenCalled();
    await expect(handed[0]).resolves.toBe('done');
    expect(callback).toHaveBeenCalledOnce();
  });

  it.each([
    ['no context', undefined],
    ['an empty registry', {}],
    ['get() returning undefined', { get: () => undefined }],
    ['an empty context', { get: () => ({}) }],
    ['a context without waitUntil', { get: () => ({ headers: {} }) }],
  ])('never throws with %s; the promise still runs', async (_name, context) => {
    if (context !== undefined) host[platformKey] = context;
    const ran = deferred();
    expect(() => waitUntil(Promise.resolve().then(() => ran.resolve()))).not.toThrow();
    await ran.promise;
  });

  it('inside withRequestContext on the platform, tracks the task and hands it on too', async () => {
    const platformWaitUntil = vi.fn();
    host[platformKey] = { get: () => ({ waitUntil: platformWaitUntil }) };
    const gate = deferred();
    const handler = withRequestContext(() => {
      waitUntil(gate.promise);
      return new Response(null);
    });
    await handler(new Request('https://example.test/'));
    expect(platformWaitUntil).toHaveBeenCalledExactlyOnceWith(gate.promise);
    expect((await drain(0)).pending).toBe(1);
    gate.resolve();
    expect((await drain(1_000)).drained).toBe(true);
  });
});

describe('outside any request context', () => {
  it('runs the task, warns once in development, and lets drain wait for it', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const gate = deferred();
    let done = false;
    waitUntil(gate.promise.then(() => (done = true)));
    waitUntil(Promise.resolve());
    after(() => {});
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/waitUntil\(\) was called outside a request context.*withRequestContext\(\)/s);
    expect((await drain(0)).drained).toBe(false);
    gate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(done).toBe(true);
  });

  it('does not warn in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    waitUntil(Promise.resolve());
    await drain(1_000);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports a rejection once per distinct error, never as an unhandled rejection', async () => {
    const same = new Error('same failure');
    waitUntil(Promise.reject(same));
    waitUntil(Promise.reject(same));
    waitUntil(Promise.reject(new Error('other failure')));
    waitUntil(Promise.reject('a string reason'));
    waitUntil(Promise.reject('a string reason'));
    after(() => {
      throw new Error('after failure');
    });
    await drain(1_000);
    await nextTurn();
    const reported = error.mock.calls.map((call) => call[1]);
    expect(reported).toEqual([same, expect.objectContaining({ message: 'other failure' }), 'a string reason', expect.objectContaining({ message: 'after failure' })]);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/background task from waitUntil\(\) \(scheduled outside any request context\) failed/);
    expect(unhandled).toEqual([]);
  });

  it('sends reports to the reporter set with setBackgroundErrorReporter', async () => {
    const reports: unknown[] = [];
    setBackgroundErrorReporter((err, info) => reports.push([err, info]));
    const failure = new Error('to the custom reporter');
    waitUntil(Promise.reject(failure));
    await drain(1_000);
    expect(reports).toEqual([[failure, { kind: 'rejected', source: 'waitUntil', tracked: false }]]);
    expect(error).not.toHaveBeenCalled();
    expect(() => setBackgroundErrorReporter('nope' as never)).toThrow(TypeError);
  });

  it('falls back to console.error when the reporter itself throws', async () => {
    setBackgroundErrorReporter(() => {
      throw new Error('broken reporter');
    });
    const failure = new Error('still reported');
    waitUntil(Promise.reject(failure));
    await drain(1_000);
    expect(error.mock.calls.map((call) => call[1])).toEqual([failure, expect.objectContaining({ message: 'broken reporter' })]);
    expect(unhandled).toEqual([]);
  });
});

describe('after() and drain() in a fetch-style context', () => {
  it('runs callbacks only once the response body has been consumed, inside the same context', async () => {
    const body = deferred<ReadableStreamDefaultController<Uint8Array>>();
    const ran: string[] = [];
    const handler = withRequestContext((request: Request) => {
      after(() => {
        ran.push('first');
        // still in the request's context: this task is tracked too
        waitUntil(Promise.resolve().then(() => ran.push(`nested ${request.headers.get('x-id')}`)));
      });
      after(async () => {
        ran.push('second');
      });
      return new Response(new ReadableStream<Uint8Array>({ start: (controller) => body.resolve(controller) }));
    });
    const response = await handler(new Request('https://example.test/', { headers: { 'x-id': '7' } }));
    const controller = await body.promise;
    controller.enqueue(new TextEncoder().encode('partial'));
    const reader = response.body!.getReader();
    await reader.read();
    await nextTurn();
    expect(ran).toEqual([]);
    controller.close();
    expect((await reader.read()).done).toBe(true);
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(ran).toEqual(['first', 'second', 'nested 7']);
  });

  it('treats a cancelled body as sent', async () => {
    const ran = vi.fn();
    const handler = withRequestContext(() => {
      after(ran);
      return new Response(new ReadableStream({ pull: () => {} }));
    });
    const response = await handler(new Request('https://example.test/'));
    await response.body!.cancel('client went away');
    await drain(1_000);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('counts a body-less response as sent when returned, and a thrown handler error too', async () => {
    const ran = vi.fn();
    const ok = withRequestContext(() => {
      after(ran);
      return new Response(null, { status: 204 });
    });
    expect((await ok(new Request('https://example.test/'))).status).toBe(204);
    const failing = withRequestContext(async () => {
      after(ran);
      throw new Error('handler failed');
    });
    await expect(failing(new Request('https://example.test/'))).rejects.toThrow('handler failed');
    await drain(1_000);
    expect(ran).toHaveBeenCalledTimes(2);
  });

  it('preserves status, headers and body of the response it observes', async () => {
    const handler = withRequestContext(() => new Response('created', { status: 201, statusText: 'Created', headers: { 'x-a': 'b' } }));
    const response = await handler(new Request('https://example.test/'));
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.headers.get('x-a')).toBe('b');
    expect(await response.text()).toBe('created');
  });

  it('returns a response whose body is already locked as it is, counting it as sent', async () => {
    const ran = vi.fn();
    const original = new Response('locked');
    const reader = original.body!.getReader();
    const handler = withRequestContext(() => {
      after(ran);
      return original;
    });
    expect(await handler(new Request('https://example.test/'))).toBe(original);
    await reader.cancel();
    await drain(1_000);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('with timeoutMs: Infinity never cuts a task off', async () => {
    const reports: unknown[] = [];
    const handler = withRequestContext(
      () => {
        waitUntil(new Promise(() => {}));
        return new Response(null);
      },
      { timeoutMs: Number.POSITIVE_INFINITY, onError: (e) => reports.push(e) },
    );
    await handler(new Request('https://example.test/'));
    expect(await drain(30)).toEqual({ drained: false, pending: 1 });
    expect(reports).toEqual([]);
  });

  it('validates its options', () => {
    expect(() => withRequestContext(() => new Response(), { timeoutMs: -1 })).toThrow(/timeoutMs must be a non-negative number/);
    expect(() => withRequestContext(() => new Response(), { timeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => withRequestContext('handler' as never)).toThrow(/expects a request handler function, got string/);
    expect(() => drain(-5)).toThrow(/drain: timeoutMs must be a non-negative number/);
  });
});
