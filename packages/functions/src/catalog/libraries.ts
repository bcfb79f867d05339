/**
 * What the packages serverless code calls most return, for the untyped promise analysis:
 * which exports are clients (made by a constructor, a factory call, or exported ready-made)
 * and which call paths on them give a promise, a lazy thenable, or a plain value.
 *
 * A call path is the chain of property names from the client to the call, one segment per
 * name: `'from **'` matches `db.from('logs').insert(row)`, `'* create'` matches
 * `prisma.user.create(...)`. A segment is a name, `a|b` (either), `*` (any one name) or a
 * final `**` (any further names). `[]` (the empty path) is a call of the client itself
 * (Neon's `sql\`...\``). The first matching rule wins; a call no rule matches is unknown.
 *
 *   promise  an eager promise: the work starts when the call is made
 *   lazy     a thenable that runs only when awaited or `.then`-ed: dropped, the work never runs
 *   value    not a promise (known, so code evidence such as `void x()` is not taken as one)
 */
export type CallResult = 'promise' | 'lazy' | 'value';

export interface CallRule {
  readonly path: string;
  readonly result: CallResult;
  /** The call gives a promise only without a trailing callback argument (nodemailer's `sendMail`). */
  readonly unlessCallback?: boolean;
}

export interface ClientFacts {
  /** The export that makes (or is) the client; `default` for the default export (`import Stripe from 'stripe'`). */
  readonly export: string;
  /**
   * `new`: `new Export(...)`; `call`: `Export(...)`; `instance`: the export is a client;
   * `static <name>`: `Export.<name>(...)` (Upstash's `Redis.fromEnv()`).
   * `new` also matches any export ending in `Export` when `export` starts with `*` (`*Client`).
   */
  readonly make: 'new' | 'call' | 'instance' | `static ${string}`;
  readonly calls: readonly CallRule[];
}

export interface LibraryFacts {
  /** The package, for messages and docs. */
  readonly name: string;
  /** Module specifiers it is imported from; a trailing `*` matches by prefix (`drizzle-orm/*`). */
  readonly modules: readonly string[];
  /** Exported functions called directly: `put(...)`, `generateText(...)`. */
  readonly functions?: Readonly<Record<string, CallResult>>;
  readonly clients?: readonly ClientFacts[];
}

const REDIS_COMMANDS =
  'get|set|del|exists|expire|expireat|ttl|incr|incrby|decr|decrby|mget|mset|setex|getdel|hget|hset|hgetall|hdel|hincrby|' +
  'lpush|rpush|lpop|rpop|lrange|sadd|srem|smembers|sismember|zadd|zrem|zrange|zscore|zincrby|publish|eval|evalsha';

/** Upstash's Redis commands (also @vercel/kv's, a Redis subclass); `json` is an object of JSON commands (`redis.json.set(…)`). */
const REDIS_CALLS: readonly CallRule[] = [
  { path: REDIS_COMMANDS, result: 'promise' },
  { path: 'json *', result: 'promise' },
];

/** node-postgres style `query` / `connect` / `end`: a promise, unless given a callback (then nothing is returned). */
const PG_POOL_CALLS: readonly CallRule[] = [{ path: 'query|connect|end', result: 'promise', unlessCallback: true }];

/**
 * Drizzle: builders are QueryPromises (`then` runs `execute()`): dropped, nothing runs. Their
 * own `execute()` (also after `prepare()`) starts the query at once. `transaction` / `batch`
 * are async functions. `db.execute(sql)` differs by dialect (see the MySQL entry).
 */
const DRIZZLE_BUILDER_CALLS: readonly CallRule[] = [
  { path: 'insert|update|select|selectDistinct|selectDistinctOn|with|delete|query ** execute', result: 'promise' },
  { path: 'insert|update|select|selectDistinct|selectDistinctOn|with * **', result: 'lazy' },
  { path: 'delete **', result: 'lazy' },
  { path: 'query * findMany|findFirst', result: 'lazy' },
  { path: 'transaction|batch', result: 'promise' },
];

const PRISMA_MODEL_OPERATIONS =
  'findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|' +
  'updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy';

const STRIPE_METHODS = 'create|retrieve|update|del|list|search|cancel|confirm|capture|finalizeInvoice|pay|void|expire|createLoginLink';

export const LIBRARIES: readonly LibraryFacts[] = [
  {
    name: 'Supabase',
    modules: ['@supabase/supabase-js', '@supabase/ssr'],
    clients: [
      ...['createClient', 'createServerClient', 'createBrowserClient'].map((name) => ({
        export: name,
        make: 'call' as const,
        calls: [
          // PostgrestBuilder: a PromiseLike whose request is sent from `then`.
          { path: 'from|schema * **', result: 'lazy' as const },
          { path: 'rpc **', result: 'lazy' as const },
          { path: 'storage from getPublicUrl', result: 'value' as const },
          // storage-js's BlobDownloadBuilder: the download starts from `then` (`asStream()` too).
          { path: 'storage from download **', result: 'lazy' as const },
          {
            path: 'storage from upload|uploadToSignedUrl|createSignedUploadUrl|remove|list|move|copy|update|createSignedUrl|createSignedUrls|info|exists',
            result: 'promise' as const,
          },
          { path: 'auth onAuthStateChange', result: 'value' as const },
          { path: 'auth **', result: 'promise' as const },
          { path: 'functions invoke', result: 'promise' as const },
          { path: 'channel|getChannels', result: 'value' as const },
          // Async: they unsubscribe and resolve to 'ok' | 'timed out' | 'error'.
          { path: 'removeChannel|removeAllChannels', result: 'promise' as const },
        ],
      })),
    ],
  },
  {
    name: 'Prisma',
    modules: ['@prisma/client', '@prisma/client/*'],
    clients: [
      {
        export: 'PrismaClient',
        make: 'new',
        calls: [
          // PrismaPromise: the query is sent when it is awaited or `.then`-ed.
          { path: `* ${PRISMA_MODEL_OPERATIONS}`, result: 'lazy' },
          { path: '$queryRaw|$executeRaw|$queryRawUnsafe|$executeRawUnsafe|$queryRawTyped|$runCommandRaw', result: 'lazy' },
          // `$transaction` is not a PrismaPromise: it starts at the call (batch and interactive forms).
          { path: '$transaction|$connect|$disconnect', result: 'promise' },
        ],
      },
    ],
  },
  {
    // MySQL-family drivers: `db.execute(sql)` calls the session's async `execute` at once.
    name: 'Drizzle ORM (MySQL)',
    modules: [
      'drizzle-orm/mysql2',
      'drizzle-orm/mysql-proxy',
      'drizzle-orm/mysql-core',
      'drizzle-orm/planetscale-serverless',
      'drizzle-orm/tidb-serverless',
      'drizzle-orm/singlestore',
      'drizzle-orm/singlestore-proxy',
      'drizzle-orm/singlestore-core',
    ],
    clients: [{ export: 'drizzle', make: 'call', calls: [...DRIZZLE_BUILDER_CALLS, { path: 'execute', result: 'promise' }] }],
  },
  {
    name: 'Drizzle ORM',
    modules: ['drizzle-orm/*'],
    // PostgreSQL (and Gel): `db.execute(sql)` gives a PgRaw, a QueryPromise like the builders.
    clients: [{ export: 'drizzle', make: 'call', calls: [...DRIZZLE_BUILDER_CALLS, { path: 'execute', result: 'lazy' }] }],
  },
  {
    name: 'Kysely',
    modules: ['kysely'],
    clients: [
      {
        export: 'Kysely',
        make: 'new',
        calls: [
          // Builders are not thenable: only `execute*()` runs the query (and starts at once).
          { path: '** execute|executeTakeFirst|executeTakeFirstOrThrow', result: 'promise' },
          { path: 'destroy', result: 'promise' },
        ],
      },
    ],
  },
  {
    name: '@vercel/postgres',
    modules: ['@vercel/postgres'],
    clients: [
      // `sql` and `db` are the same default pool, callable as a tag: sql`…`.
      ...['sql', 'db'].map((name) => ({
        export: name,
        make: 'instance' as const,
        calls: [{ path: '', result: 'promise' as const }, { path: 'sql', result: 'promise' as const }, ...PG_POOL_CALLS],
      })),
      // A VercelPool / VercelClient: not callable itself, `pool.sql\`…\`` is.
      ...['createPool', 'createClient'].map((name) => ({
        export: name,
        make: 'call' as const,
        calls: [{ path: 'sql', result: 'promise' as const }, ...PG_POOL_CALLS],
      })),
    ],
  },
  {
    name: 'Neon serverless driver',
    modules: ['@neondatabase/serverless'],
    clients: [
      {
        export: 'neon',
        make: 'call',
        calls: [
          // NeonQueryPromise: the HTTP request is made from `then` (so `sql.transaction([...])` can batch).
          { path: '', result: 'lazy' },
          { path: 'query', result: 'lazy' },
          // An UnsafeRawSql to interpolate into a query, not a query.
          { path: 'unsafe', result: 'value' },
          { path: 'transaction', result: 'promise' },
        ],
      },
      { export: 'Pool', make: 'new', calls: PG_POOL_CALLS },
      { export: 'Client', make: 'new', calls: PG_POOL_CALLS },
    ],
  },
  {
    name: '@vercel/kv',
    modules: ['@vercel/kv'],
    clients: [
      { export: 'kv', make: 'instance', calls: REDIS_CALLS },
      // `import kv from '@vercel/kv'`: the same instance as the default export.
      { export: 'default', make: 'instance', calls: REDIS_CALLS },
      { export: 'createClient', make: 'call', calls: REDIS_CALLS },
    ],
  },
  {
    name: 'Upstash Redis',
    modules: ['@upstash/redis', '@upstash/redis/*'],
    clients: [
      { export: 'Redis', make: 'new', calls: REDIS_CALLS },
      { export: 'Redis', make: 'static fromEnv', calls: REDIS_CALLS },
    ],
  },
  {
    name: '@vercel/blob',
    modules: ['@vercel/blob', '@vercel/blob/client'],
    functions: {
      put: 'promise',
      del: 'promise',
      head: 'promise',
      list: 'promise',
      copy: 'promise',
      upload: 'promise',
      get: 'promise',
      rename: 'promise',
      putFromUrl: 'promise',
      putImage: 'promise',
      createFolder: 'promise',
      createMultipartUpload: 'promise',
      createMultipartUploader: 'promise',
      uploadPart: 'promise',
      completeMultipartUpload: 'promise',
      handleUpload: 'promise',
      getDownloadUrl: 'value',
    },
  },
  {
    name: 'Resend',
    modules: ['resend'],
    clients: [
      {
        export: 'Resend',
        make: 'new',
        calls: [{ path: 'emails|batch|contacts|audiences|domains|apiKeys|broadcasts send|create|get|update|remove|cancel|list', result: 'promise' }],
      },
    ],
  },
  {
    name: 'nodemailer',
    modules: ['nodemailer'],
    clients: [
      {
        export: 'createTransport',
        make: 'call',
        calls: [{ path: 'sendMail|verify', result: 'promise', unlessCallback: true }],
      },
    ],
  },
  {
    name: 'Stripe',
    modules: ['stripe'],
    clients: [
      // `import Stripe from 'stripe'` (the documented form) or `import { Stripe } from 'stripe'`.
      ...['Stripe', 'default'].map((name) => ({
        export: name,
        make: 'new' as const,
        calls: [
          // The `*Async` forms (SubtleCrypto, for edge runtimes) return promises; the rest is synchronous.
          { path: 'webhooks constructEventAsync|generateTestHeaderStringAsync', result: 'promise' as const },
          { path: 'webhooks signature verifyHeaderAsync', result: 'promise' as const },
          { path: 'webhooks **', result: 'value' as const },
          { path: `* ${STRIPE_METHODS}`, result: 'promise' as const },
          { path: `* * ${STRIPE_METHODS}`, result: 'promise' as const },
        ],
      })),
    ],
  },
  {
    name: 'OpenAI',
    modules: ['openai'],
    clients: [
      // `import OpenAI from 'openai'` (the documented form) or `import { OpenAI } from 'openai'`.
      ...['OpenAI', 'default'].map((name) => ({
        export: name,
        make: 'new' as const,
        calls: [{ path: '** create|generate|retrieve|list|del|edit|createVariation|upload|parse', result: 'promise' as const }],
      })),
    ],
  },
  {
    name: 'AI SDK',
    modules: ['ai'],
    functions: {
      generateText: 'promise',
      generateObject: 'promise',
      embed: 'promise',
      embedMany: 'promise',
      generateImage: 'promise',
      generateSpeech: 'promise',
      transcribe: 'promise',
      rerank: 'promise',
      // The names these had while experimental (still exported), and video generation (still experimental).
      experimental_generateImage: 'promise',
      experimental_generateSpeech: 'promise',
      experimental_transcribe: 'promise',
      experimental_generateVideo: 'promise',
      // These return a result object at once; the stream runs while it is consumed.
      streamText: 'value',
      streamObject: 'value',
    },
  },
  {
    name: 'AWS SDK v3',
    modules: ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/lib-storage'],
    clients: [
      // `send(command, callback)` (or with options before the callback) returns nothing.
      { export: '*Client', make: 'new', calls: [{ path: 'send', result: 'promise', unlessCallback: true }] },
      { export: 'DynamoDBDocumentClient', make: 'static from', calls: [{ path: 'send', result: 'promise', unlessCallback: true }] },
      { export: 'Upload', make: 'new', calls: [{ path: 'done', result: 'promise' }] },
    ],
  },
  {
    name: 'Octokit',
    modules: ['octokit', '@octokit/rest', '@octokit/core'],
    clients: [
      {
        export: 'Octokit',
        make: 'new',
        calls: [
          { path: 'request|graphql', result: 'promise' },
          { path: 'rest * *', result: 'promise' },
          { path: 'paginate', result: 'promise' },
        ],
      },
      { export: 'App', make: 'new', calls: [{ path: 'octokit request|graphql', result: 'promise' }] },
    ],
  },
];

/**
 * Cloudflare's bindings object (`env` of a Worker, `c.env` in Hono, `platform.env` in
 * SvelteKit; lib/frameworks/table.ts says where each framework hands it over). The first
 * step is the binding's name, whatever the project calls it; the second its method. Only
 * methods whose result is the same whatever the binding's kind are listed: `get` is a promise
 * on KV and R2 but a stub (a plain value) on a Durable Object namespace, so it stays unknown.
 */
export const PLATFORM_BINDINGS: ClientFacts = {
  export: 'env',
  make: 'instance',
  calls: [
    // KV `put|delete|list|getWithMetadata`, R2 `put|delete|list|head|createMultipartUpload`.
    { path: '* put|delete|list|getWithMetadata|head|createMultipartUpload', result: 'promise' },
    // Queues.
    { path: '* send|sendBatch', result: 'promise' },
    // D1: a prepared statement runs from `run|all|first|raw`; `batch` / `exec` / `dump` at the call.
    { path: '* prepare ** run|all|first|raw', result: 'promise' },
    { path: '* prepare **', result: 'value' },
    { path: '* batch|exec|dump', result: 'promise' },
    // Workers AI `run`, Vectorize, service bindings' and Durable Object stubs' `fetch`.
    { path: '* run|fetch|insert|upsert|query|deleteByIds|getByIds|describe', result: 'promise' },
    // Analytics Engine: fire-and-forget by design, returns nothing.
    { path: '* writeDataPoint', result: 'value' },
    { path: '* idFromName|idFromString|newUniqueId', result: 'value' },
  ],
};

/**
 * How a helper that a handler hands the bindings to names them: a parameter called `env`, or
 * one typed with one of these names (`function saveLink(env: Env, …)`, Hono's `Bindings`).
 */
export const PLATFORM_BINDINGS_PARAM = 'env';
export const PLATFORM_BINDINGS_TYPES: readonly string[] = ['Env', 'Bindings', 'CloudflareEnv', 'CloudflareBindings'];

/** The library a module specifier belongs to, if the table knows it. */
export function libraryOfModule(specifier: string): LibraryFacts | undefined {
  return LIBRARIES.find((lib) =>
    lib.modules.some((m) => (m.endsWith('*') ? specifier.startsWith(m.slice(0, -1)) : specifier === m)),
  );
}

/** What a call `steps` deep into a client gives (undefined: unknown). `steps` are the property names. */
export function clientCallResult(client: ClientFacts, steps: readonly string[], lastArgIsFunction: boolean): CallResult | undefined {
  for (const rule of client.calls) {
    if (!pathMatches(rule.path, steps)) continue;
    if (rule.unlessCallback && lastArgIsFunction) return 'value';
    return rule.result;
  }
  return undefined;
}

/** The client an export makes when it is used as `make` (`new`, a call, itself, or `Export.<static>()`). */
export function clientOfExport(
  library: LibraryFacts,
  exportName: string,
  make: ClientFacts['make'],
): ClientFacts | undefined {
  return library.clients?.find(
    (c) =>
      c.make === make &&
      (c.export === exportName || (c.export.startsWith('*') && exportName.endsWith(c.export.slice(1)) && exportName.length > c.export.length - 1)),
  );
}

function pathMatches(pattern: string, steps: readonly string[]): boolean {
  const segments = pattern === '' ? [] : pattern.split(' ');
  const match = (si: number, pi: number): boolean => {
    if (si === segments.length) return pi === steps.length;
    const seg = segments[si]!;
    if (seg === '**') {
      for (let k = pi; k <= steps.length; k++) if (match(si + 1, k)) return true;
      return false;
    }
    const step = steps[pi];
    if (step === undefined) return false;
    if (seg !== '*' && !seg.split('|').includes(step)) return false;
    return match(si + 1, pi + 1);
  };
  return match(0, 0);
}
