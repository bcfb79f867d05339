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
  /** The export that makes (or is) the client. */
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
  'lpush|rpush|lpop|rpop|lrange|sadd|srem|smembers|sismember|zadd|zrem|zrange|zscore|zincrby|publish|eval|evalsha|json';

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
          { path: 'storage from upload|download|remove|list|move|copy|update|createSignedUrl|createSignedUrls', result: 'promise' as const },
          { path: 'auth onAuthStateChange', result: 'value' as const },
          { path: 'auth **', result: 'promise' as const },
          { path: 'functions invoke', result: 'promise' as const },
          { path: 'channel|removeChannel|removeAllChannels', result: 'value' as const },
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
          { path: '$queryRaw|$executeRaw|$queryRawUnsafe|$executeRawUnsafe|$transaction', result: 'lazy' },
          { path: '$connect|$disconnect', result: 'promise' },
        ],
      },
    ],
  },
  {
    name: 'Drizzle ORM',
    modules: ['drizzle-orm/*'],
    clients: [
      {
        export: 'drizzle',
        make: 'call',
        calls: [
          // QueryPromise: `then` runs `execute()`.
          { path: 'insert|update|select|selectDistinct|with * **', result: 'lazy' },
          { path: 'delete **', result: 'lazy' },
          { path: 'query * findMany|findFirst', result: 'lazy' },
          { path: 'execute', result: 'lazy' },
          { path: 'transaction|batch', result: 'promise' },
        ],
      },
    ],
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
      { export: 'sql', make: 'instance', calls: [{ path: '', result: 'promise' }, { path: 'query|connect', result: 'promise' }] },
      { export: 'db', make: 'instance', calls: [{ path: 'query|sql|connect', result: 'promise' }] },
      ...['createPool', 'createClient'].map((name) => ({
        export: name,
        make: 'call' as const,
        calls: [
          { path: '', result: 'promise' as const },
          { path: 'query|sql|connect|end', result: 'promise' as const },
        ],
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
          { path: 'query|unsafe', result: 'lazy' },
          { path: 'transaction', result: 'promise' },
        ],
      },
      { export: 'Pool', make: 'new', calls: [{ path: 'query|connect|end', result: 'promise' }] },
    ],
  },
  {
    name: '@vercel/kv',
    modules: ['@vercel/kv'],
    clients: [
      { export: 'kv', make: 'instance', calls: [{ path: REDIS_COMMANDS, result: 'promise' }] },
      { export: 'createClient', make: 'call', calls: [{ path: REDIS_COMMANDS, result: 'promise' }] },
    ],
  },
  {
    name: 'Upstash Redis',
    modules: ['@upstash/redis', '@upstash/redis/*'],
    clients: [
      { export: 'Redis', make: 'new', calls: [{ path: REDIS_COMMANDS, result: 'promise' }] },
      { export: 'Redis', make: 'static fromEnv', calls: [{ path: REDIS_COMMANDS, result: 'promise' }] },
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
      createMultipartUpload: 'promise',
      completeMultipartUpload: 'promise',
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
      {
        export: 'Stripe',
        make: 'new',
        calls: [
          { path: 'webhooks **', result: 'value' },
          { path: `* ${STRIPE_METHODS}`, result: 'promise' },
          { path: `* * ${STRIPE_METHODS}`, result: 'promise' },
        ],
      },
    ],
  },
  {
    name: 'OpenAI',
    modules: ['openai'],
    clients: [
      {
        export: 'OpenAI',
        make: 'new',
        calls: [
          { path: '** create|generate|retrieve|list|del|edit|createVariation|upload|parse', result: 'promise' },
        ],
      },
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
      // These return a result object at once; the stream runs while it is consumed.
      streamText: 'value',
      streamObject: 'value',
    },
  },
  {
    name: 'AWS SDK v3',
    modules: ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb', '@aws-sdk/lib-storage'],
    clients: [
      { export: '*Client', make: 'new', calls: [{ path: 'send', result: 'promise' }] },
      { export: 'DynamoDBDocumentClient', make: 'static from', calls: [{ path: 'send', result: 'promise' }] },
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
