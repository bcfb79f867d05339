/**
 * The vocabulary of the framework table (lib/frameworks/table.ts): which code of a framework
 * handles requests, and where its host keeps background work alive.
 */

export type Framework =
  | 'next'
  | 'vercel'
  | 'workers'
  | 'remix'
  | 'sveltekit'
  | 'astro'
  | 'nitro'
  | 'hono'
  | 'express'
  | 'fastify'
  | 'koa';

export type HandlerKind =
  | 'route'
  | 'middleware'
  | 'pages-api'
  | 'server-action'
  | 'fetch-handler'
  /** Remix / React Router `loader`, SvelteKit server `load`. */
  | 'loader'
  /** Remix / React Router `action`, each function of SvelteKit's `actions` object. */
  | 'action'
  /** SvelteKit `hooks.server` `handle` / `handleFetch` / `handleError`. */
  | 'hook'
  /** h3 / Nitro / Nuxt `defineEventHandler(…)` and its relatives. */
  | 'event-handler'
  /** A route or middleware callback of Hono, Express, Fastify or Koa. */
  | 'route-callback';

/**
 * A value reached from a handler parameter: `member` is the path from that parameter, e.g.
 * `executionCtx.waitUntil` for Hono's `c` ('' is the parameter itself). A destructured
 * parameter (`({ platform }) => …`) starts from the binding of the path's first segment.
 */
export interface ParamPath {
  /** The handler parameter (0-based). */
  readonly param: number;
  /** Member path from the parameter; `?.` allowed (`platform?.context?.waitUntil`). */
  readonly member: string;
}

/** The host's own keeper of background work, reached from a handler parameter. */
export interface Keeper extends ParamPath {
  /**
   * The keeper exists only on some hosts (Cloudflare's `platform.context`, Hono's
   * `executionCtx`): offered only when the file already mentions this text, a sign that the
   * code runs where it exists. Omitted when the handler's host always has it.
   */
  readonly evidence?: string;
}

/** What the table says about one request handler. */
export interface HandlerShape {
  readonly framework: Framework;
  readonly kind: HandlerKind;
  readonly keeper?: Keeper;
  /**
   * The host's bindings object (Cloudflare's `env`: KV, R2, D1, Queues, …) reached from a
   * parameter: `c.env` in Hono, `event.platform?.env` in SvelteKit. Calls on its bindings
   * (`c.env.LINKS.put(k, v)`) are known promises (catalog PLATFORM_BINDINGS).
   */
  readonly bindings?: ParamPath;
  /**
   * The parameter (0-based) that is the platform's own request object: a web `Request` /
   * `NextRequest`, or Node's `IncomingMessage` in Pages API routes. It has no `waitUntil`.
   * Omitted for handlers that get a framework object instead (`c`, `event`, `context`).
   */
  readonly request?: number;
}

/** Handlers decided by a module's exports, in files matching `files` (or importing `importedFrom`). */
export interface ExportShape {
  readonly framework: Framework;
  /** picomatch globs matched against the file's absolute path (posix separators). */
  readonly files: readonly string[];
  /** Globs that exclude a file the `files` globs matched (`*.client.*`). */
  readonly excludeFiles?: readonly string[];
  /** A file importing one of these modules (exact, or a prefix ending in `/`) counts as matched too. */
  readonly importedFrom?: readonly string[];
  /** Export name -> handler. `objectOfHandlers`: the export is an object whose function-valued properties are handlers. */
  readonly exports: Readonly<Record<string, HandlerShape & { readonly objectOfHandlers?: boolean }>>;
}

/** Handlers passed to a factory call: `defineEventHandler(fn)`, `defineEventHandler({ handler: fn })`. */
export interface CallShape {
  readonly framework: Framework;
  readonly kind: HandlerKind;
  /** The factories, by the name they are exported under. */
  readonly callees: readonly string[];
  /** The modules exporting them. */
  readonly modules: readonly string[];
  /** Callees that count when called as an unbound name (the framework auto-imports them). */
  readonly autoImported?: readonly string[];
  /** The object form: these properties of an object argument hold handlers. */
  readonly handlerProperties?: readonly string[];
  readonly keeper?: Keeper;
  readonly bindings?: ParamPath;
}

/** How a router/app object is made: `new Hono()`, `express()`, `express.Router()`, `Router()`. */
export interface Creator {
  /** The module's export: `'default'` (or the module object of a namespace import / `require`) or a name. */
  readonly export: string;
  /** A member of that export is called instead: `express.Router()`. */
  readonly member?: string;
  /** Called with `new`, without, or either. */
  readonly call: 'new' | 'call' | 'either';
}

/** Route callbacks of an app/router object: `app.get('/x', (c) => …)`. */
export interface RouterShape {
  readonly framework: Framework;
  /** The packages; a file importing one of them may also use a conventionally named receiver. */
  readonly modules: readonly string[];
  readonly creators: readonly Creator[];
  /** Methods whose function arguments are request handlers. */
  readonly routeMethods: readonly string[];
  /** Methods that return the same (or a route) object, so calls can chain on them: `new Hono().basePath('/api')`. */
  readonly chainMethods: readonly string[];
  /**
   * In a file importing one of `modules`, a receiver that is a parameter or an import (not a
   * local made by something else) counts when it has one of these names or a type
   * imported from the package (`fastify: FastifyInstance`).
   */
  readonly receiverNames: readonly string[];
  /** The object form `fastify.route({ handler })`: these properties hold handlers. */
  readonly handlerProperties?: readonly string[];
  readonly keeper?: Keeper;
  readonly bindings?: ParamPath;
}
