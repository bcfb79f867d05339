/**
 * The catalog's library table (packages/functions/src/catalog/libraries.ts) held to the
 * libraries' real behaviour, through the rule, in a Next.js App Router route handler
 * (untyped, TS parser): for each library, a call dropped (`floating`, or `lazy` for a query
 * builder that runs only when awaited), the same call `void`-ed (`voided` / `lazy`), and the
 * same call awaited, returned and handed to `waitUntil` (valid). Where the table says a call
 * gives a plain value, dropping it, even with `void`, is not reported (the `void call()`
 * evidence rule must not fire on a call known to be a value).
 *
 * Each fact was checked against the package's own code (its type definitions and runtime):
 * e.g. Supabase's PostgrestBuilder sends the request from `then`; Prisma's model operations
 * are PrismaPromises but `$transaction` starts at the call; Drizzle builders run from `then`,
 * their `execute()` at once; Neon's `sql\`…\`` is a NeonQueryPromise, `sql.unsafe()` a raw
 * SQL fragment; Stripe's `webhooks.constructEvent` is synchronous, `constructEventAsync` not;
 * AWS SDK v3 `send(command, callback)` and nodemailer's `sendMail(options, callback)` return
 * nothing.
 */
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester } from './rule-tester.js';

type Options = InferOptionsTypeFromRule<typeof rule>;
type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<InferMessageIdsTypeFromRule<typeof rule>, Options>;

const ruleTester = createRuleTester();
const route = fixture('next-15.2', 'app/api/libraries/route.ts');

const WAIT_UNTIL_IMPORT = `import { waitUntil } from '@vercel/functions';`;
const AFTER_IMPORT = `import { after } from 'next/server';`;

/** A route module: `setup` at module level (imports, then the client), `body` in an async POST handler. */
function routeModule(setup: string, body: string): string {
  return `${setup}
export async function POST(request: Request) {
  ${body}
  return new Response('ok');
}`;
}

/** `code` with `statement` added after its last top-level import (where the rule's fixes add imports). */
function withImport(code: string, statement: string): string {
  const lines = code.split('\n');
  let last = -1;
  lines.forEach((line, i) => {
    if (line.startsWith('import ')) last = i;
  });
  lines.splice(last + 1, 0, statement);
  return lines.join('\n');
}

/** A call the table says gives a promise (or, `lazy`, a thenable that runs only when awaited). */
interface PromiseCall {
  /** The library and how its client is made, for the test names. */
  readonly name: string;
  readonly setup: string;
  /** The call, as written in the handler. */
  readonly call: string;
  readonly lazy?: boolean;
}

/** A call the table says gives a plain value: dropped, even with `void`, it is not reported. */
interface ValueCall {
  readonly name: string;
  readonly setup: string;
  readonly call: string;
}

const LAZY_DATA = {
  floating: { where: '', how: 'dropped here,' },
  voided: { where: '', how: '`void` does not send it and' },
} as const;

/** What a keeper is given: a lazy thenable is only PromiseLike, so it goes in as `Promise.resolve(…)`. */
const handedOver = (c: PromiseCall): string => (c.lazy ? `Promise.resolve(${c.call})` : c.call);

/** The dropped call (`form` floating: `call;`, voided: `void call;`), with every suggestion's output. */
function dropped(c: PromiseCall, form: 'floating' | 'voided'): Invalid {
  const target = form === 'voided' ? `void ${c.call}` : c.call;
  const code = routeModule(c.setup, `${target};`);
  const replaced = (text: string) => routeModule(c.setup, `${text};`);
  return {
    name: `${c.name}: ${form === 'voided' ? 'void ' : ''}${c.call}`,
    filename: route,
    code,
    errors: [
      {
        messageId: c.lazy ? 'lazy' : form,
        ...(c.lazy ? { data: LAZY_DATA[form] } : {}),
        line: c.setup.split('\n').length + 2,
        suggestions: [
          { messageId: 'addAwait', output: replaced(`await ${c.call}`) },
          { messageId: 'wrapWaitUntil', data: { callee: 'waitUntil' }, output: withImport(replaced(`waitUntil(${handedOver(c)})`), WAIT_UNTIL_IMPORT) },
          { messageId: 'wrapAfter', data: { callee: 'after' }, output: withImport(replaced(`after(${handedOver(c)})`), AFTER_IMPORT) },
        ],
      },
    ],
  };
}

/** The call awaited, returned, and handed to `waitUntil`: all valid. */
function used(c: PromiseCall): Valid[] {
  return [
    { name: `${c.name}: await ${c.call}`, filename: route, code: routeModule(c.setup, `await ${c.call};`) },
    {
      name: `${c.name}: return ${c.call}`,
      filename: route,
      code: `${c.setup}\nexport async function POST(request: Request) {\n  return ${c.call};\n}`,
    },
    {
      name: `${c.name}: waitUntil(${c.call})`,
      filename: route,
      code: withImport(routeModule(c.setup, `waitUntil(${c.call});`), WAIT_UNTIL_IMPORT),
    },
  ];
}

function notReported(c: ValueCall): Valid[] {
  return [
    { name: `${c.name} (a value): ${c.call}`, filename: route, code: routeModule(c.setup, `${c.call};`) },
    { name: `${c.name} (a value): void ${c.call}`, filename: route, code: routeModule(c.setup, `void ${c.call};`) },
  ];
}

// ---------------------------------------------------------------------------------------------
// The library table, one block per library: how its clients are made, and what their calls give.

const SUPABASE = `import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);`;
const SUPABASE_SSR = `import { createServerClient as createSupabase } from '@supabase/ssr';
const supabase = createSupabase(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, { cookies: { getAll: () => [], setAll: () => {} } });`;
const SUPABASE_NS = `import * as sb from '@supabase/supabase-js';
const supabase = sb.createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!);`;
const PRISMA = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();`;
const PRISMA_ALIAS = `import { PrismaClient as Prisma } from '@prisma/client';
const prisma = new Prisma();`;
const DRIZZLE = `import { drizzle } from 'drizzle-orm/neon-http';
import { events } from './schema';
const db = drizzle(process.env.DATABASE_URL!);`;
const DRIZZLE_MYSQL = `import { drizzle } from 'drizzle-orm/mysql2';
import { sql } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);`;
const DRIZZLE_PG = `import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);`;
const KYSELY = `import { Kysely, PostgresDialect } from 'kysely';
import { pool } from './pool';
const db = new Kysely({ dialect: new PostgresDialect({ pool }) });`;
const VERCEL_POSTGRES = `import { sql } from '@vercel/postgres';`;
const VERCEL_POSTGRES_DB = `import { db } from '@vercel/postgres';`;
const VERCEL_POSTGRES_POOL = `import { createPool } from '@vercel/postgres';
const pool = createPool({ connectionString: process.env.POSTGRES_URL });`;
const NEON = `import { neon } from '@neondatabase/serverless';
const sql = neon(process.env.DATABASE_URL!);`;
const NEON_POOL = `import { Pool } from '@neondatabase/serverless';
const pool = new Pool({ connectionString: process.env.DATABASE_URL });`;
const KV = `import { kv } from '@vercel/kv';`;
const KV_FACTORY = `import { createClient } from '@vercel/kv';
const cache = createClient({ url: process.env.KV_REST_API_URL!, token: process.env.KV_REST_API_TOKEN! });`;
const UPSTASH = `import { Redis } from '@upstash/redis';
const redis = Redis.fromEnv();`;
const UPSTASH_NEW = `import { Redis as Upstash } from '@upstash/redis/cloudflare';
const redis = new Upstash({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });`;
const BLOB = `import { put, del } from '@vercel/blob';`;
const BLOB_NS = `import * as blob from '@vercel/blob';`;
const BLOB_CLIENT = `import { handleUpload as handle } from '@vercel/blob/client';`;
const RESEND = `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);`;
const NODEMAILER = `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });`;
const NODEMAILER_NAMED = `import { createTransport } from 'nodemailer';
const mailer = createTransport({ host: 'smtp.example.com', port: 587 });`;
const STRIPE = `import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);`;
const STRIPE_NAMED = `import { Stripe } from 'stripe';
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);`;
const OPENAI = `import OpenAI from 'openai';
const openai = new OpenAI();`;
const OPENAI_NAMED = `import { OpenAI as Client } from 'openai';
const openai = new Client({ apiKey: process.env.OPENAI_API_KEY });`;
const AI = `import { generateText, embed, streamText, streamObject } from 'ai';
import { openai } from '@ai-sdk/openai';`;
const AI_NS = `import * as ai from 'ai';
import { openai } from '@ai-sdk/openai';`;
const S3 = `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({ region: 'us-east-1' });`;
const S3_NS = `import * as sqs from '@aws-sdk/client-sqs';
const queue = new sqs.SQSClient({});`;
const DYNAMO = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const docs = DynamoDBDocumentClient.from(new DynamoDBClient({}));`;
const AWS_UPLOAD = `import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
const upload = new Upload({ client: new S3Client({}), params: { Bucket: 'b', Key: 'k', Body: 'x' } });`;
const OCTOKIT = `import { Octokit } from '@octokit/rest';
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });`;
const OCTOKIT_APP = `import { App } from 'octokit';
const app = new App({ appId: 1, privateKey: process.env.GITHUB_KEY! });`;

const PROMISE_CALLS: readonly PromiseCall[] = [
  // Supabase: PostgrestBuilder is a PromiseLike whose request is sent from `then`.
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.from('logs').insert({ path: request.url })`, lazy: true },
  // Prisma's recommended Next.js singleton: the client cached on globalThis, else made.
  {
    name: 'Prisma (globalThis singleton)',
    setup: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient();`,
    call: `prisma.user.create({ data: {} })`,
    lazy: true,
  },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.from('logs').select('id').eq('path', '/').single()`, lazy: true },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.rpc('bump_views', { page: 1 })`, lazy: true },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.storage.from('avatars').download('me.png')`, lazy: true },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.storage.from('avatars').upload('me.png', request.body!)` },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.auth.admin.deleteUser('id')` },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.functions.invoke('notify')` },
  { name: 'Supabase (factory call)', setup: SUPABASE, call: `supabase.removeAllChannels()` },
  { name: 'Supabase SSR (aliased factory)', setup: SUPABASE_SSR, call: `supabase.from('visits').upsert({ id: 1 })`, lazy: true },
  { name: 'Supabase (namespace import)', setup: SUPABASE_NS, call: `supabase.schema('audit').from('events').insert({})`, lazy: true },
  // Prisma: model operations and raw queries are PrismaPromises (sent from `then`); $transaction starts at once.
  { name: 'Prisma (new)', setup: PRISMA, call: `prisma.user.create({ data: { email: 'a@b.c' } })`, lazy: true },
  { name: 'Prisma (new)', setup: PRISMA, call: 'prisma.$executeRaw`UPDATE "Post" SET views = views + 1`', lazy: true },
  { name: 'Prisma (new)', setup: PRISMA, call: `prisma.$transaction([prisma.user.deleteMany()])` },
  { name: 'Prisma (aliased class)', setup: PRISMA_ALIAS, call: `prisma.auditLog.createMany({ data: [] })`, lazy: true },
  // Drizzle: builders are QueryPromises; their own execute() starts the query; transaction is async.
  { name: 'Drizzle (factory call)', setup: DRIZZLE, call: `db.insert(events).values({ name: 'signup' })`, lazy: true },
  { name: 'Drizzle (factory call)', setup: DRIZZLE, call: `db.delete(events)`, lazy: true },
  { name: 'Drizzle (factory call)', setup: DRIZZLE, call: `db.query.events.findMany()`, lazy: true },
  { name: 'Drizzle (factory call)', setup: DRIZZLE, call: `db.update(events).set({ seen: true }).execute()` },
  { name: 'Drizzle (factory call)', setup: DRIZZLE, call: `db.transaction(async (tx) => { await tx.delete(events); })` },
  { name: 'Drizzle node-postgres', setup: DRIZZLE_PG, call: 'db.execute(sql`vacuum`)', lazy: true },
  { name: 'Drizzle mysql2', setup: DRIZZLE_MYSQL, call: 'db.execute(sql`select 1`)' },
  // Kysely: builders are not thenable; execute*() runs the query.
  { name: 'Kysely (new)', setup: KYSELY, call: `db.insertInto('events').values({ name: 'x' }).execute()` },
  { name: 'Kysely (new)', setup: KYSELY, call: `db.updateTable('pages').set({ views: 1 }).executeTakeFirst()` },
  // @vercel/postgres: ready-made `sql` / `db` (callable tags), and pools.
  { name: '@vercel/postgres (ready-made sql)', setup: VERCEL_POSTGRES, call: 'sql`INSERT INTO logs (path) VALUES (${request.url})`' },
  { name: '@vercel/postgres (ready-made sql)', setup: VERCEL_POSTGRES, call: `sql.query('DELETE FROM sessions')` },
  { name: '@vercel/postgres (ready-made db)', setup: VERCEL_POSTGRES_DB, call: 'db`DELETE FROM sessions`' },
  { name: '@vercel/postgres (createPool)', setup: VERCEL_POSTGRES_POOL, call: 'pool.sql`DELETE FROM sessions`' },
  // Neon: sql`…` is a NeonQueryPromise (the HTTP request is made from `then`); transaction() is async.
  { name: 'Neon (factory call)', setup: NEON, call: 'sql`INSERT INTO logs VALUES (${request.url})`', lazy: true },
  { name: 'Neon (factory call)', setup: NEON, call: `sql.query('DELETE FROM sessions WHERE id = $1', [1])`, lazy: true },
  { name: 'Neon (factory call)', setup: NEON, call: 'sql.transaction([sql`SELECT 1`])' },
  { name: 'Neon Pool (new)', setup: NEON_POOL, call: `pool.query('DELETE FROM sessions')` },
  // @vercel/kv and Upstash Redis: every command is a request.
  { name: '@vercel/kv (ready-made kv)', setup: KV, call: `kv.incr('views')` },
  { name: '@vercel/kv (default import of kv)', setup: `import kv from '@vercel/kv';`, call: `kv.set('a', 1)` },
  { name: '@vercel/kv (namespace import, kv member)', setup: `import * as vkv from '@vercel/kv';`, call: `vkv.kv.set('a', 1)` },
  { name: '@vercel/kv (ready-made kv)', setup: KV, call: `kv.json.set('user:1', '$', {})` },
  { name: '@vercel/kv (createClient)', setup: KV_FACTORY, call: `cache.set('k', 'v', { ex: 60 })` },
  { name: 'Upstash Redis (Redis.fromEnv)', setup: UPSTASH, call: `redis.lpush('events', request.url)` },
  { name: 'Upstash Redis (aliased new, subpath)', setup: UPSTASH_NEW, call: `redis.hset('user:1', { seen: 1 })` },
  // @vercel/blob: exported functions.
  { name: '@vercel/blob', setup: BLOB, call: `put('logs/a.txt', 'x', { access: 'public' })` },
  { name: '@vercel/blob', setup: BLOB, call: `del('logs/a.txt')` },
  { name: '@vercel/blob (namespace import)', setup: BLOB_NS, call: `blob.copy('a.txt', 'b.txt', { access: 'public' })` },
  { name: '@vercel/blob/client (aliased)', setup: BLOB_CLIENT, call: `handle({ body: {}, request, onBeforeGenerateToken: async () => ({}), onUploadCompleted: async () => {} })` },
  // Resend, nodemailer.
  { name: 'Resend (new)', setup: RESEND, call: `resend.emails.send({ from: 'a@b.c', to: 'd@e.f', subject: 'Hi', html: '' })` },
  { name: 'Resend (new)', setup: RESEND, call: `resend.batch.send([])` },
  { name: 'nodemailer (default import, factory)', setup: NODEMAILER, call: `transporter.sendMail({ to: 'a@b.c', text: 'hi' })` },
  { name: 'nodemailer (named factory)', setup: NODEMAILER_NAMED, call: `mailer.verify()` },
  // Stripe: resource methods are requests; webhooks' *Async forms return promises.
  { name: 'Stripe (default import, new)', setup: STRIPE, call: `stripe.customers.create({ email: 'a@b.c' })` },
  { name: 'Stripe (default import, new)', setup: STRIPE, call: `stripe.checkout.sessions.expire('cs_1')` },
  { name: 'Stripe (default import, new)', setup: STRIPE, call: `stripe.webhooks.constructEventAsync('body', 'sig', 'whsec')` },
  { name: 'Stripe (named import, new)', setup: STRIPE_NAMED, call: `stripe.paymentIntents.cancel('pi_1')` },
  // OpenAI.
  { name: 'OpenAI (default import, new)', setup: OPENAI, call: `openai.chat.completions.create({ model: 'gpt-4o', messages: [] })` },
  { name: 'OpenAI (aliased named import, new)', setup: OPENAI_NAMED, call: `openai.responses.create({ model: 'gpt-4o', input: 'hi' })` },
  // AI SDK: generate* and embed* are promises.
  { name: 'AI SDK', setup: AI, call: `generateText({ model: openai('gpt-4o'), prompt: 'hi' })` },
  { name: 'AI SDK', setup: AI, call: `embed({ model: openai.embedding('text-embedding-3-small'), value: 'hi' })` },
  { name: 'AI SDK (namespace import)', setup: AI_NS, call: `ai.generateObject({ model: openai('gpt-4o'), prompt: 'hi', output: 'no-schema' })` },
  // AWS SDK v3: Client.send(command), DynamoDBDocumentClient.from(…), lib-storage Upload.done().
  { name: 'AWS SDK (new S3Client)', setup: S3, call: `s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }))` },
  { name: 'AWS SDK (namespace import, new)', setup: S3_NS, call: `queue.send(new sqs.SendMessageCommand({ QueueUrl: 'q', MessageBody: 'x' }))` },
  { name: 'AWS SDK (DynamoDBDocumentClient.from)', setup: DYNAMO, call: `docs.send(new PutCommand({ TableName: 't', Item: {} }))` },
  { name: 'AWS SDK (new Upload)', setup: AWS_UPLOAD, call: `upload.done()` },
  // Octokit.
  { name: 'Octokit (new)', setup: OCTOKIT, call: `octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'hi' })` },
  { name: 'Octokit (new)', setup: OCTOKIT, call: `octokit.request('POST /repos/{owner}/{repo}/dispatches', { owner: 'o', repo: 'r', event_type: 'x' })` },
  { name: 'Octokit App (new)', setup: OCTOKIT_APP, call: `app.octokit.request('GET /app')` },
];

const VALUE_CALLS: readonly ValueCall[] = [
  { name: 'Supabase', setup: SUPABASE, call: `supabase.storage.from('avatars').getPublicUrl('me.png')` },
  { name: 'Supabase', setup: SUPABASE, call: `supabase.channel('room')` },
  { name: 'Supabase', setup: SUPABASE, call: `supabase.auth.onAuthStateChange(() => {})` },
  { name: 'Neon', setup: NEON, call: `sql.unsafe('created_at')` },
  { name: '@vercel/postgres (callback)', setup: VERCEL_POSTGRES_POOL, call: `pool.query('DELETE FROM sessions', (err) => {})` },
  { name: 'Neon Pool (callback)', setup: NEON_POOL, call: `pool.query('DELETE FROM sessions', [], (err, result) => {})` },
  { name: '@vercel/blob', setup: BLOB_NS, call: `blob.getDownloadUrl('https://x.public.blob.vercel-storage.com/a.txt')` },
  { name: 'nodemailer (callback)', setup: NODEMAILER, call: `transporter.sendMail({ to: 'a@b.c' }, (err, info) => {})` },
  { name: 'Stripe (default import)', setup: STRIPE, call: `stripe.webhooks.constructEvent('body', 'sig', 'whsec')` },
  { name: 'Stripe (named import)', setup: STRIPE_NAMED, call: `stripe.webhooks.generateTestHeaderString({ payload: '{}', secret: 's' })` },
  { name: 'AI SDK', setup: AI, call: `streamText({ model: openai('gpt-4o'), prompt: 'hi' })` },
  { name: 'AI SDK', setup: AI, call: `streamObject({ model: openai('gpt-4o'), prompt: 'hi', output: 'no-schema' })` },
  { name: 'AI SDK (namespace import)', setup: AI_NS, call: `ai.streamText({ model: openai('gpt-4o'), prompt: 'hi' })` },
  { name: 'AWS SDK (callback)', setup: S3, call: `s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }), (err, data) => {})` },
];

/** Library-looking code that is not the library's: a shadowing local, or a builder the table leaves unknown. */
const NOT_THE_LIBRARY: Valid[] = [
  // A local `createClient` that is not Supabase's.
  {
    name: 'local createClient function',
    filename: route,
    code: `import { createClient as createSupabase } from '@supabase/supabase-js';
function createClient() {
  return { from: (table: string) => ({ insert: (row: unknown) => [table, row] }) };
}
export async function POST(request: Request) {
  createClient().from('logs').insert({});
  return new Response(String(createSupabase));
}`,
  },
  // A handler-local `db` shadowing the module's Supabase client.
  {
    name: 'handler-local db shadows the library client',
    filename: route,
    code: `import { createClient } from '@supabase/supabase-js';
const db = createClient('url', 'key');
export async function POST(request: Request) {
  const db = new Map<string, { insert(row: unknown): void }>().get('logs')!;
  db.insert({});
  return new Response('ok');
}`,
  },
  // A parameter named like the ready-made instance.
  {
    name: 'parameter kv shadows the import',
    filename: route,
    code: `import { kv } from '@vercel/kv';
export const POST = async (request: Request, kv: Map<string, number>) => {
  kv.set('views', 1);
  return new Response('ok');
};
export const GET = () => kv.get('views');`,
  },
  // A same-named export of another package is not the library's.
  {
    name: 'createClient from another package',
    filename: route,
    code: `import { createClient } from 'graphql-ws';
const client = createClient({ url: 'wss://example.com' });
export async function POST(request: Request) {
  client.from('x').insert({});
  return new Response('ok');
}`,
  },
  // Builders the table leaves unknown are not reported on a guess: a Kysely builder without execute().
  { name: 'Kysely builder without execute', filename: route, code: routeModule(KYSELY, `db.insertInto('events').values({ name: 'x' });`) },
  // Supabase's table builder before an operation is not a query.
  { name: 'Supabase from() alone', filename: route, code: routeModule(SUPABASE, `supabase.from('logs');`) },
];

ruleTester.run('no-floating-background-promise (library table)', rule, {
  valid: [...PROMISE_CALLS.flatMap(used), ...VALUE_CALLS.flatMap(notReported), ...NOT_THE_LIBRARY],
  invalid: [
    ...PROMISE_CALLS.flatMap((c) => [dropped(c, 'floating'), dropped(c, 'voided')]),
    // The shadowing local's `void call()` is reported only as evidence (`voided`), never as the library's lazy query.
    {
      name: 'void on a shadowing local client: evidence, not the library fact',
      filename: route,
      code: `import { createClient } from '@supabase/supabase-js';
const db = createClient('url', 'key');
export async function POST(request: Request) {
  const db = getLegacyDb();
  void db.from('logs').insert({});
  return new Response('ok');
}`,
      errors: [
        {
          messageId: 'voided',
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { createClient } from '@supabase/supabase-js';
const db = createClient('url', 'key');
export async function POST(request: Request) {
  const db = getLegacyDb();
  await db.from('logs').insert({});
  return new Response('ok');
}`,
            },
            {
              messageId: 'wrapWaitUntil',
              output: `import { createClient } from '@supabase/supabase-js';
import { waitUntil } from '@vercel/functions';
const db = createClient('url', 'key');
export async function POST(request: Request) {
  const db = getLegacyDb();
  waitUntil(db.from('logs').insert({}));
  return new Response('ok');
}`,
            },
            {
              messageId: 'wrapAfter',
              output: `import { createClient } from '@supabase/supabase-js';
import { after } from 'next/server';
const db = createClient('url', 'key');
export async function POST(request: Request) {
  const db = getLegacyDb();
  after(db.from('logs').insert({}));
  return new Response('ok');
}`,
            },
          ],
        },
      ],
    },
  ],
});

describe('no-floating-background-promise: lazy query messages', () => {
  const lint = (code: string) => {
    const linter = new Linter({ configType: 'flat', cwd: '/' });
    return linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as unknown as Linter.Parser },
          plugins: { fn: { rules: { 'no-floating-background-promise': rule as never } } },
          rules: { 'fn/no-floating-background-promise': 'error' },
        },
      ],
      route,
    );
  };

  it('says that a dropped or voided lazy query never runs, and that an eager promise is lost', () => {
    const messages = lint(
      routeModule(
        `${SUPABASE}\n${UPSTASH}`,
        `supabase.from('logs').insert({});\n  void supabase.from('logs').insert({});\n  redis.set('k', 'v');`,
      ),
    );
    expect(messages.map((m) => m.messageId)).toEqual(['lazy', 'lazy', 'floating']);
    expect(messages[0]!.message).toMatch(/only when it is awaited or `\.then`-ed, so dropped here, the work never runs/);
    expect(messages[1]!.message).toMatch(/`void` does not send it and the work never runs/);
    expect(messages[2]!.message).not.toMatch(/never runs/);
    expect(messages[2]!.message).toMatch(/the work is lost/);
  });
});

// ---------------------------------------------------------------------------------------------
// Clients made in the project's own modules (test/rules/fixtures/project-libraries): the project
// index follows `@/…` (tsconfig paths) and relative imports to `export const db = createClient(…)`,
// `export const prisma = new PrismaClient()`, `export const redis = Redis.fromEnv()`, and to the
// Supabase SSR helper `export async function createClient() { … return createServerClient(…) }`.

const projectFile = (file: string): string => fixture('project-libraries', file);
const LOGS_ROUTE = projectFile('app/api/logs/route.ts');
const USERS_ROUTE = projectFile('app/api/users/route.ts');
const CACHE_ROUTE = projectFile('app/api/cache/route.ts');
const PROFILE_ROUTE = projectFile('app/api/profile/route.ts');

/** `code` with the dropped `target` reported (and `inner`, the promise itself, awaited or handed off by the suggestions). */
function droppedIn(
  filename: string,
  code: string,
  target: string,
  inner: string,
  error: { messageId: 'floating' | 'voided' | 'lazy'; data?: Record<string, string> },
): Invalid {
  if (!code.includes(target)) throw new Error(`${target} is not in the code`);
  const replaced = (text: string) => code.replace(target, text);
  const handed = error.messageId === 'lazy' ? `Promise.resolve(${inner})` : inner;
  return {
    filename,
    code,
    errors: [
      {
        ...error,
        suggestions: [
          { messageId: 'addAwait', output: replaced(`await ${inner}`) },
          { messageId: 'wrapWaitUntil', output: withImport(replaced(`waitUntil(${handed})`), WAIT_UNTIL_IMPORT) },
          { messageId: 'wrapAfter', output: withImport(replaced(`after(${handed})`), AFTER_IMPORT) },
        ],
      },
    ],
  };
}

const LOGS = (statement: string) => `import { db } from '@/lib/db';

export async function POST(request: Request) {
  const row = await request.json();
  ${statement}
  return Response.json({ ok: true });
}`;

const PROFILE = (statement: string) => `import { createClient } from '@/utils/supabase/server';

export async function POST(request: Request) {
  const supabase = await createClient();
  ${statement}
  return Response.json({ ok: true });
}`;

const USERS = (statement: string) => `import { prisma } from '../../../lib/prisma';

export async function POST(request: Request) {
  const { email } = await request.json();
  ${statement}
  return Response.json({ ok: true });
}`;

const CACHE = (statement: string) => `import { redis } from '@/lib/redis';

export async function PUT(request: Request) {
  const { key, value } = await request.json();
  ${statement}
  return new Response(null, { status: 204 });
}`;

ruleTester.run('no-floating-background-promise (library clients made in project modules)', rule, {
  valid: [
    // The fixture's route files as they are on disk: every query awaited.
    ...[LOGS_ROUTE, USERS_ROUTE, CACHE_ROUTE, PROFILE_ROUTE].map((file) => ({ filename: file, code: readFileSync(file, 'utf8') })),
    { filename: LOGS_ROUTE, code: LOGS(`await db.from('logs').insert(row).select();`) },
    { filename: LOGS_ROUTE, code: LOGS(`return db.from('logs').insert(row);`) },
    { filename: LOGS_ROUTE, code: withImport(LOGS(`waitUntil(db.from('logs').insert(row));`), WAIT_UNTIL_IMPORT) },
    // A value through the project's client: even voided, not reported.
    { filename: LOGS_ROUTE, code: LOGS(`void db.storage.from('exports').getPublicUrl(row.file);`) },
    { filename: PROFILE_ROUTE, code: PROFILE(`await supabase.from('profiles').upsert({ id: 1 });`) },
    { filename: USERS_ROUTE, code: withImport(USERS(`waitUntil(prisma.user.create({ data: { email } }));`), WAIT_UNTIL_IMPORT) },
    { filename: CACHE_ROUTE, code: CACHE(`await redis.set(key, value);`) },
  ],
  invalid: [
    droppedIn(LOGS_ROUTE, LOGS(`void db.from('logs').insert(row);`), `void db.from('logs').insert(row)`, `db.from('logs').insert(row)`, {
      messageId: 'lazy',
      data: { where: '', how: '`void` does not send it and' },
    }),
    droppedIn(LOGS_ROUTE, LOGS(`db.from('logs').insert(row);`), `db.from('logs').insert(row)`, `db.from('logs').insert(row)`, {
      messageId: 'lazy',
      data: { where: '', how: 'dropped here,' },
    }),
    droppedIn(PROFILE_ROUTE, PROFILE(`supabase.from('t').insert({ id: 1 });`), `supabase.from('t').insert({ id: 1 })`, `supabase.from('t').insert({ id: 1 })`, {
      messageId: 'lazy',
    }),
    droppedIn(
      PROFILE_ROUTE,
      `import { createClient } from '@/utils/supabase/server';

export async function POST() {
  (await createClient()).from('visits').insert({});
  return Response.json({ ok: true });
}`,
      `(await createClient()).from('visits').insert({})`,
      `(await createClient()).from('visits').insert({})`,
      { messageId: 'lazy' },
    ),
    droppedIn(
      USERS_ROUTE,
      USERS(`prisma.user.create({ data: { email } });`),
      `prisma.user.create({ data: { email } })`,
      `prisma.user.create({ data: { email } })`,
      { messageId: 'lazy' },
    ),
    droppedIn(
      USERS_ROUTE,
      USERS(`void prisma.$transaction([prisma.user.create({ data: { email } })]);`),
      `void prisma.$transaction([prisma.user.create({ data: { email } })])`,
      `prisma.$transaction([prisma.user.create({ data: { email } })])`,
      { messageId: 'voided' },
    ),
    droppedIn(CACHE_ROUTE, CACHE(`redis.set(key, value);`), `redis.set(key, value)`, `redis.set(key, value)`, { messageId: 'floating' }),
    droppedIn(CACHE_ROUTE, CACHE(`void redis.expire(key, 60);`), `void redis.expire(key, 60)`, `redis.expire(key, 60)`, { messageId: 'voided' }),
  ],
});
