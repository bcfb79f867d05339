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
  });

  it('Prisma model operations are lazy; an unknown method stays unknown', () => {
    const prisma = client('@prisma/client', 'PrismaClient', 'new');
    expect(clientCallResult(prisma, ['user', 'create'], false)).toBe('lazy');
    expect(clientCallResult(prisma, ['$transaction'], false)).toBe('lazy');
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
  });

  it('calls of the client itself (Neon sql``, @vercel/postgres sql``)', () => {
    expect(clientCallResult(client('@neondatabase/serverless', 'neon', 'call'), [], false)).toBe('lazy');
    expect(clientCallResult(client('@vercel/postgres', 'sql', 'instance'), [], false)).toBe('promise');
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
  });

  it('clients made by suffix, static factory and ready-made instances', () => {
    expect(clientCallResult(client('@aws-sdk/client-sqs', 'SQSClient', 'new'), ['send'], false)).toBe('promise');
    expect(clientOfExport(libraryOfModule('@aws-sdk/client-sqs')!, 'Client', 'new')).toBeUndefined();
    expect(clientCallResult(client('@upstash/redis', 'Redis', 'static fromEnv'), ['set'], false)).toBe('promise');
    expect(clientCallResult(client('@vercel/kv', 'kv', 'instance'), ['hset'], false)).toBe('promise');
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
