import { describe, expect, it } from 'vitest';
import { clientCallResult, clientOfExport, libraryOfModule, type ClientFacts } from '../../lib/catalog.js';

const client = (module: string, exportName: string, make: ClientFacts['make']): ClientFacts => {
  const library = libraryOfModule(module);
  if (!library) throw new Error(`no library for ${module}`);
  const found = clientOfExport(library, exportName, make);
  if (!found) throw new Error(`no client ${exportName} (${make}) in ${module}`);
  return found;
};

describe('library table', () => {
  it('finds libraries by exact module and by prefix, and nothing for unknown modules', () => {
    expect(libraryOfModule('@supabase/supabase-js')?.name).toBe('Supabase');
    expect(libraryOfModule('drizzle-orm/neon-http')?.name).toBe('Drizzle ORM');
    expect(libraryOfModule('@aws-sdk/client-s3')?.name).toBe('AWS SDK v3');
    expect(libraryOfModule('drizzle-orm')).toBeUndefined();
    expect(libraryOfModule('left-pad')).toBeUndefined();
  });

  it('Supabase query builders are lazy, auth calls are promises, getPublicUrl is a value', () => {
    const supabase = client('@supabase/supabase-js', 'createClient', 'call');
    expect(clientCallResult(supabase, ['from', 'insert'], false)).toBe('lazy');
    expect(clientCallResult(supabase, ['from', 'select', 'eq', 'single'], false)).toBe('lazy');
    expect(clientCallResult(supabase, ['from'], false)).toBeUndefined();
    expect(clientCallResult(supabase, ['auth', 'getUser'], false)).toBe('promise');
    expect(clientCallResult(supabase, ['auth', 'onAuthStateChange'], false)).toBe('value');
    expect(clientCallResult(supabase, ['storage', 'from', 'getPublicUrl'], false)).toBe('value');
    expect(clientCallResult(supabase, ['storage', 'from', 'upload'], false)).toBe('promise');
    // storage-js's BlobDownloadBuilder downloads from `then`.
    expect(clientCallResult(supabase, ['storage', 'from', 'download'], false)).toBe('lazy');
    expect(clientCallResult(supabase, ['storage', 'from', 'download', 'asStream'], false)).toBe('lazy');
    expect(clientCallResult(supabase, ['channel'], false)).toBe('value');
    expect(clientCallResult(supabase, ['removeChannel'], false)).toBe('promise');
  });

  it('Prisma model operations are lazy, $transaction starts at once; an unknown method stays unknown', () => {
    const prisma = client('@prisma/client', 'PrismaClient', 'new');
    expect(clientCallResult(prisma, ['user', 'create'], false)).toBe('lazy');
    expect(clientCallResult(prisma, ['$executeRaw'], false)).toBe('lazy');
    // Not a PrismaPromise: the runtime's $transaction runs its callback / batch at the call.
    expect(clientCallResult(prisma, ['$transaction'], false)).toBe('promise');
    expect(clientCallResult(prisma, ['$connect'], false)).toBe('promise');
    expect(clientCallResult(prisma, ['user', 'fields'], false)).toBeUndefined();
  });

  it('Kysely runs only on execute*, Drizzle builders are lazy', () => {
    const kysely = client('kysely', 'Kysely', 'new');
    expect(clientCallResult(kysely, ['insertInto', 'values', 'execute'], false)).toBe('promise');
    expect(clientCallResult(kysely, ['insertInto', 'values'], false)).toBeUndefined();
    const drizzle = client('drizzle-orm/node-postgres', 'drizzle', 'call');
    expect(clientCallResult(drizzle, ['insert', 'values'], false)).toBe('lazy');
    expect(clientCallResult(drizzle, ['insert'], false)).toBeUndefined();
    expect(clientCallResult(drizzle, ['delete'], false)).toBe('lazy');
    expect(clientCallResult(drizzle, ['query', 'users', 'findMany'], false)).toBe('lazy');
    // A builder's own execute() (also after prepare()) starts the query.
    expect(clientCallResult(drizzle, ['insert', 'values', 'execute'], false)).toBe('promise');
    expect(clientCallResult(drizzle, ['select', 'from', 'prepare', 'execute'], false)).toBe('promise');
    // db.execute(sql): a PgRaw (lazy) on PostgreSQL, the session's async execute on MySQL.
    expect(clientCallResult(drizzle, ['execute'], false)).toBe('lazy');
    expect(clientCallResult(client('drizzle-orm/mysql2', 'drizzle', 'call'), ['execute'], false)).toBe('promise');
    expect(clientCallResult(client('drizzle-orm/planetscale-serverless', 'drizzle', 'call'), ['insert', 'values'], false)).toBe('lazy');
  });

  it('calls of the client itself (Neon sql``, @vercel/postgres sql``)', () => {
    expect(clientCallResult(client('@neondatabase/serverless', 'neon', 'call'), [], false)).toBe('lazy');
    expect(clientCallResult(client('@vercel/postgres', 'sql', 'instance'), [], false)).toBe('promise');
    expect(clientCallResult(client('@vercel/postgres', 'db', 'instance'), [], false)).toBe('promise');
    // A VercelPool is not callable; pool.sql`…` is.
    expect(clientCallResult(client('@vercel/postgres', 'createPool', 'call'), [], false)).toBeUndefined();
    expect(clientCallResult(client('@vercel/postgres', 'createPool', 'call'), ['sql'], false)).toBe('promise');
    // sql.unsafe() is a raw fragment to interpolate, not a query.
    expect(clientCallResult(client('@neondatabase/serverless', 'neon', 'call'), ['unsafe'], false)).toBe('value');
  });

  it('node-postgres style pools and AWS SDK send() with a callback return nothing', () => {
    const pool = client('@neondatabase/serverless', 'Pool', 'new');
    expect(clientCallResult(pool, ['query'], false)).toBe('promise');
    expect(clientCallResult(pool, ['query'], true)).toBe('value');
    expect(clientCallResult(client('@vercel/postgres', 'sql', 'instance'), ['connect'], true)).toBe('value');
    expect(clientCallResult(client('@aws-sdk/client-s3', 'S3Client', 'new'), ['send'], false)).toBe('promise');
    expect(clientCallResult(client('@aws-sdk/client-s3', 'S3Client', 'new'), ['send'], true)).toBe('value');
  });

  it('nodemailer sendMail with a callback returns no promise', () => {
    const transport = client('nodemailer', 'createTransport', 'call');
    expect(clientCallResult(transport, ['sendMail'], false)).toBe('promise');
    expect(clientCallResult(transport, ['sendMail'], true)).toBe('value');
  });

  it('Stripe webhooks are synchronous, resource methods are promises', () => {
    const stripe = client('stripe', 'Stripe', 'new');
    expect(clientCallResult(stripe, ['webhooks', 'constructEvent'], false)).toBe('value');
    expect(clientCallResult(stripe, ['customers', 'create'], false)).toBe('promise');
    expect(clientCallResult(stripe, ['checkout', 'sessions', 'create'], false)).toBe('promise');
    expect(clientCallResult(stripe, ['webhooks', 'constructEventAsync'], false)).toBe('promise');
    expect(clientCallResult(stripe, ['webhooks', 'signature', 'verifyHeaderAsync'], false)).toBe('promise');
    expect(clientCallResult(stripe, ['webhooks', 'signature', 'verifyHeader'], false)).toBe('value');
    // `import Stripe from 'stripe'` / `import OpenAI from 'openai'`: the default export is the class.
    expect(clientCallResult(client('stripe', 'default', 'new'), ['customers', 'create'], false)).toBe('promise');
    expect(clientCallResult(client('openai', 'default', 'new'), ['chat', 'completions', 'create'], false)).toBe('promise');
  });

  it('clients made by suffix, static factory and ready-made instances', () => {
    expect(clientCallResult(client('@aws-sdk/client-sqs', 'SQSClient', 'new'), ['send'], false)).toBe('promise');
    expect(clientOfExport(libraryOfModule('@aws-sdk/client-sqs')!, 'Client', 'new')).toBeUndefined();
    expect(clientCallResult(client('@upstash/redis', 'Redis', 'static fromEnv'), ['set'], false)).toBe('promise');
    expect(clientCallResult(client('@vercel/kv', 'kv', 'instance'), ['hset'], false)).toBe('promise');
    expect(clientCallResult(client('@vercel/kv', 'kv', 'instance'), ['json', 'set'], false)).toBe('promise');
    expect(clientCallResult(client('@vercel/kv', 'kv', 'instance'), ['json'], false)).toBeUndefined();
    expect(clientCallResult(client('@vercel/kv', 'default', 'instance'), ['get'], false)).toBe('promise');
    expect(clientCallResult(client('resend', 'Resend', 'new'), ['emails', 'send'], false)).toBe('promise');
    expect(clientCallResult(client('openai', 'OpenAI', 'new'), ['chat', 'completions', 'create'], false)).toBe('promise');
    expect(clientCallResult(client('octokit', 'Octokit', 'new'), ['rest', 'issues', 'create'], false)).toBe('promise');
  });

  it('direct functions: blob put, AI SDK generateText (streamText is a value)', () => {
    expect(libraryOfModule('@vercel/blob')?.functions?.put).toBe('promise');
    expect(libraryOfModule('ai')?.functions?.generateText).toBe('promise');
    expect(libraryOfModule('ai')?.functions?.streamText).toBe('value');
  });
});
