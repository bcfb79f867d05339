/**
 * The portable request context on real HTTP servers (127.0.0.1): the response goes out
 * before background work ends, the work then finishes (drain), `after` callbacks run
 * after the response, and work past the budget is reported as cut off.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  after,
  BackgroundTaskCutOffError,
  drain,
  waitUntil,
  withRequestContext,
  type BackgroundErrorInfo,
} from '@fn-kit/functions';
import { resetRegistryForTests } from '../../packages/functions/src/context/registry.js';
import { deferred, nextTurn } from './helpers/deferred.js';
import { fetchAdapter, listen, type AdapterState, type RunningServer } from './helpers/servers.js';

let server: RunningServer | undefined;

beforeEach(() => resetRegistryForTests());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Report {
  error: unknown;
  info: BackgroundErrorInfo;
}

function collector() {
  const reports: Report[] = [];
  const firstReport = deferred<Report>();
  return {
    reports,
    firstReport: firstReport.promise,
    onError: (error: unknown, info: BackgroundErrorInfo) => {
      reports.push({ error, info });
      firstReport.resolve({ error, info });
    },
  };
}

describe('withRequestContext with a node:http handler', () => {
  it('sends the response before background work ends; drain then waits for it; after runs after the response', async () => {
    const gate = deferred();
    const reachedResponse = deferred();
    const respond = deferred();
    const events: string[] = [];
    const reporter = collector();
    server = await listen(
      withRequestContext(
        async (req: IncomingMessage, res: ServerResponse) => {
          waitUntil(gate.promise.then(() => events.push('background done')));
          after(() => {
            events.push(`after ran (response finished: ${res.writableFinished})`);
          });
          reachedResponse.resolve();
          await respond.promise;
          events.push('handler responded');
          res.end(`hello ${req.url}`);
        },
        { timeoutMs: 5_000, onError: reporter.onError },
      ),
    );

    const responsePromise = fetch(`${server.url}/x`);
    await reachedResponse.promise;
    await nextTurn();
    expect(events).toEqual([]); // after() waits for the response
    respond.resolve();
    const response = await responsePromise;
    expect(await response.text()).toBe('hello /x');
    expect(events).not.toContain('background done');
    expect((await drain(0)).drained).toBe(false);

    gate.resolve();
    expect(await drain(2_000)).toEqual({ drained: true, pending: 0 });
    expect(events).toContain('background done');
    expect(events.indexOf('handler responded')).toBe(0);
    expect(events).toContain('after ran (response finished: true)');
    expect(reporter.reports).toEqual([]);
  });

  it('reports a task that outlives timeoutMs as cut off and stops waiting for it', async () => {
    const reporter = collector();
    const budget = 30;
    let sentAt = 0;
    server = await listen(
      withRequestContext(
        (_req: IncomingMessage, res: ServerResponse) => {
          waitUntil(new Promise(() => {})); // never settles
          waitUntil(Promise.resolve('quick')); // settles in time: not reported
          res.on('finish', () => (sentAt = Date.now()));
          res.end('ok');
        },
        { timeoutMs: budget, onError: reporter.onError },
      ),
    );
    expect(await (await fetch(server.url)).text()).toBe('ok');
    const report = await reporter.firstReport;
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(budget - 2);
    expect(report.info).toEqual({ kind: 'cut-off', source: 'waitUntil', tracked: true, timeoutMs: budget });
    expect(report.error).toBeInstanceOf(BackgroundTaskCutOffError);
    expect(String((report.error as Error).message)).toMatch(/waitUntil\(\) had not settled 30 ms after the response was sent/);
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(reporter.reports).toHaveLength(1);
  });

  it('reports a rejected background task and an after callback that throws', async () => {
    const reporter = collector();
    const rejected = new Error('background failed');
    const thrown = new Error('after failed');
    server = await listen(
      withRequestContext(
        (_req: IncomingMessage, res: ServerResponse) => {
          waitUntil(Promise.reject(rejected));
          after(() => {
            throw thrown;
          });
          res.end('ok');
        },
        { onError: reporter.onError },
      ),
    );
    expect((await fetch(server.url)).status).toBe(200);
    expect(await drain(2_000)).toEqual({ drained: true, pending: 0 });
    expect(reporter.reports).toEqual([
      { error: rejected, info: { kind: 'rejected', source: 'waitUntil', tracked: true } },
      { error: thrown, info: { kind: 'rejected', source: 'after', tracked: true } },
    ]);
  });

  it('keeps concurrent requests apart: each budget covers its own tasks', async () => {
    const reporter = collector();
    const slowGate = deferred();
    const slow = withRequestContext(
      (_req: IncomingMessage, res: ServerResponse) => {
        waitUntil(slowGate.promise);
        res.end('slow');
      },
      { timeoutMs: 5_000, onError: reporter.onError },
    );
    const stuck = withRequestContext(
      (_req: IncomingMessage, res: ServerResponse) => {
        waitUntil(new Promise(() => {}));
        res.end('stuck');
      },
      { timeoutMs: 40, onError: reporter.onError },
    );
    server = await listen((req, res) => (req.url === '/slow' ? slow(req, res) : stuck(req, res)));
    const [a, b] = await Promise.all([fetch(`${server.url}/slow`), fetch(`${server.url}/stuck`)]);
    expect([await a.text(), await b.text()]).toEqual(['slow', 'stuck']);
    const cutOff = await reporter.firstReport; // the stuck request's budget ran out...
    expect(cutOff.info.timeoutMs).toBe(40);
    expect((await drain(0)).pending).toBe(1); // ...the slow request's task is still waited for
    slowGate.resolve();
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
    expect(reporter.reports.map((r) => r.info.kind)).toEqual(['cut-off']);
  });
});

describe('withRequestContext with a fetch-style handler served over node:http', () => {
  it('streams the response before background work ends; after runs once the body has been sent', async () => {
    const gate = deferred();
    const stream = deferred<ReadableStreamDefaultController<Uint8Array>>();
    const events: string[] = [];
    const adapter: AdapterState = { ended: false };
    const handler = withRequestContext(
      async (request: Request) => {
        waitUntil(gate.promise.then(() => events.push('background done')));
        after(() => {
          events.push(`after ran (adapter ended the response: ${adapter.ended})`);
        });
        const greeting = `hello ${new URL(request.url).pathname} from ${request.headers.get('x-test')}`;
        return new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(greeting));
              stream.resolve(controller);
            },
          }),
        );
      },
      { timeoutMs: 5_000 },
    );
    server = await listen(fetchAdapter(handler, adapter));

    const response = await fetch(`${server.url}/y`, { headers: { 'x-test': 'client' } });
    await nextTurn();
    expect(events).toEqual([]); // headers are out, the body is not finished: no after() yet
    (await stream.promise).close();
    expect(await response.text()).toBe('hello /y from client');
    expect(events).not.toContain('background done');

    gate.resolve();
    expect(await drain(2_000)).toEqual({ drained: true, pending: 0 });
    expect(events).toHaveLength(2);
    expect(events).toContain('after ran (adapter ended the response: true)');
    expect(events).toContain('background done');
  });

  it('reports work past the budget as cut off', async () => {
    const reporter = collector();
    const handler = withRequestContext(
      () => {
        after(new Promise(() => {}));
        return new Response('ok');
      },
      { timeoutMs: 25, onError: reporter.onError },
    );
    server = await listen(fetchAdapter(handler));
    expect(await (await fetch(server.url)).text()).toBe('ok');
    const report = await reporter.firstReport;
    expect(report.info).toEqual({ kind: 'cut-off', source: 'after', tracked: true, timeoutMs: 25 });
    expect(await drain(1_000)).toEqual({ drained: true, pending: 0 });
  });
});
