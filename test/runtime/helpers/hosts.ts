/**
 * Fake hosts that follow each host's documented handler contract, served over node:http
 * on 127.0.0.1. A host with a keeper runs each request in a fake isolate: the isolate
 * lives until the response is done and every promise handed to its `waitUntil` has
 * settled, then ends; work that happens after the end is recorded as cut off (a real
 * isolate would have been frozen or evicted before it ran).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** One request's isolate on a host with a keeper. */
export class FakeIsolate {
  /** Promises handed to the host's `waitUntil`, in order. */
  readonly handed: Promise<unknown>[] = [];
  /** Rejections of handed promises: a real host logs each as an uncaught error. */
  readonly hostSawRejections: unknown[] = [];
  /** What the request's work did, in order (`... (cut off)` once the isolate had ended). */
  readonly log: string[] = [];
  /** When set, `waitUntil` throws (a host that refuses the hand-off). */
  refuseWith: Error | undefined;
  readonly ended: Promise<void>;
  readonly ctx: FakeExecutionContext;
  private alive = true;
  private end!: () => void;

  constructor() {
    this.ended = new Promise((resolve) => {
      this.end = resolve;
    });
    this.ctx = new FakeExecutionContext(this);
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Records a step of the request's work; after the end it is cut off. */
  step(label: string): void {
    this.log.push(this.alive ? label : `${label} (cut off)`);
  }

  receive(promise: Promise<unknown>): void {
    if (this.refuseWith) throw this.refuseWith;
    if (!this.alive) throw new Error('waitUntil() called after the isolate ended');
    if (!(promise instanceof Promise)) throw new TypeError('waitUntil() needs a Promise');
    this.handed.push(promise);
    promise.catch((error: unknown) => this.hostSawRejections.push(error));
  }

  /** The response is out: live on until every handed promise (including late ones) settled. */
  async responseDone(): Promise<void> {
    for (let seen = -1; seen !== this.handed.length; ) {
      seen = this.handed.length;
      await Promise.allSettled(this.handed);
    }
    this.alive = false;
    this.end();
  }
}

/** Workers' `ExecutionContext`: like workerd, `waitUntil` only works called as a method. */
export class FakeExecutionContext {
  constructor(readonly isolate: FakeIsolate) {}
  waitUntil(promise: Promise<unknown>): void {
    if (!(this instanceof FakeExecutionContext)) throw new TypeError('Illegal invocation');
    this.isolate.receive(promise);
  }
  passThroughOnException(): void {}
}

const isolates = new WeakMap<object, FakeIsolate>();

/** The isolate behind a host context object the fake handed a handler. */
export function isolateOf(context: object): FakeIsolate {
  const isolate = context instanceof FakeExecutionContext ? context.isolate : isolates.get(context);
  if (!isolate) throw new Error('not a context object of a fake host');
  return isolate;
}

/** Cloudflare Pages Functions: `onRequest(context)`, the request inside the context. */
export interface PagesContext {
  request: Request;
  functionPath: string;
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  next(input?: Request | string): Promise<Response>;
  env: Record<string, unknown>;
  params: Record<string, string>;
  data: Record<string, unknown>;
}

/** Netlify Functions and Edge Functions: `(request, context)`. */
export interface NetlifyContext {
  requestId: string;
  ip: string;
  geo: { city?: string; country?: { code?: string } };
  params: Record<string, string>;
  waitUntil(promise: Promise<unknown>): void;
  /** Edge Functions only: the rest of the chain. */
  next?(): Promise<Response>;
}

export function pagesContext(request: Request, isolate: FakeIsolate): PagesContext {
  const context: PagesContext = {
    request,
    functionPath: new URL(request.url).pathname,
    // Pages hands the context with `waitUntil` already bound (destructuring it works).
    waitUntil: (promise) => isolate.ctx.waitUntil(promise),
    passThroughOnException: () => {},
    next: async () => new Response('from the static asset'),
    env: { GREETING: 'hello' },
    params: {},
    data: {},
  };
  isolates.set(context, isolate);
  return context;
}

export function netlifyContext(request: Request, isolate: FakeIsolate, edge: boolean): NetlifyContext {
  const context: NetlifyContext = {
    requestId: '01FAKE',
    ip: '203.0.113.7',
    geo: { city: 'Lyon', country: { code: 'FR' } },
    params: {},
    waitUntil: (promise) => isolate.ctx.waitUntil(promise),
    ...(edge ? { next: async () => new Response('from the origin') } : {}),
  };
  isolates.set(context, isolate);
  return context;
}

/** Deno's `ServeHandlerInfo`: no keeper; `completed` settles once the response is done. */
export interface DenoServeHandlerInfo {
  remoteAddr: { transport: 'tcp'; hostname: string; port: number };
  completed: Promise<void>;
}

/** The parts of Bun's `Server` a fetch handler gets as its second argument: no keeper. */
export interface BunServer {
  readonly port: number;
  readonly development: boolean;
  requestIP(request: Request): { address: string; family: 'IPv4' | 'IPv6'; port: number } | null;
  upgrade(request: Request): boolean;
  timeout(request: Request, seconds: number): void;
  stop(): void;
}

export interface HostCall {
  request: Request;
  isolate: FakeIsolate;
}

/**
 * A node:http listener playing the host: for each request, a new isolate; `invoke` calls
 * the user's handler the host's way; the response (or `undefined`: pass to the origin) is
 * streamed out, then the isolate is told the response is done.
 */
export function fakeHost(
  invoke: (call: HostCall) => Promise<Response | undefined> | Response | undefined,
  calls: HostCall[] = [],
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const call: HostCall = {
        request: new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers }),
        isolate: new FakeIsolate(),
      };
      calls.push(call);
      let response: Response;
      try {
        response = (await invoke(call)) ?? new Response('from the origin');
      } catch (error) {
        // like the hosts: an uncaught handler error is a 500 response
        response = new Response(`handler threw: ${String(error)}`, { status: 500 });
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          res.write(value);
        }
      }
      res.end();
      void call.isolate.responseDone();
    })();
  };
}
