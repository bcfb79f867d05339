/**
 * The evidence rule (SPEC 5, lib/estree/dropped.ts): in request-handling code, a dropped
 * `x.catch(…)` / `x.then(…)` / `x.finally(…)` statement, or `void call()`, counts as a promise
 * even when the definition of `x` or `call` is out of reach (a package import, a parameter,
 * an injected service), unless it is known not to be one. Nothing else is reported on a
 * guess: Zod-style schemas with their own `.catch` used as values, chains that are awaited or
 * returned, `void` of a non-call, `void` of a call known to give a value, and evidence outside
 * request-handling code.
 */
import { readFileSync } from 'node:fs';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

type Invalid = InvalidTestCase<InferMessageIdsTypeFromRule<typeof rule>, InferOptionsTypeFromRule<typeof rule>>;

const ruleTester = createRuleTester();
const route = fixture('next-15.2', 'app/api/signup/route.ts');
const jsRoute = fixture('next-15.2', 'app/api/signup/route.js');
const pagesRoute = fixture('next-15.2', 'pages/api/signup.ts');
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture('typed', '') } };

const WAIT_UNTIL_IMPORT = `import { waitUntil } from '@vercel/functions';`;
const AFTER_IMPORT = `import { after } from 'next/server';`;

/** `code` with `statement` added after its last top-level import, or first when it has none. */
function withImport(code: string, statement: string): string {
  const lines = code.split('\n');
  let last = -1;
  lines.forEach((line, i) => {
    if (line.startsWith('import ')) last = i;
  });
  lines.splice(last + 1, 0, statement);
  return lines.join('\n');
}

interface Expected {
  readonly messageId: 'chained' | 'voided';
  readonly data?: Record<string, string>;
  readonly line?: number;
  /** Whether `await` can be written there (an async function). */
  readonly canAwait?: boolean;
  /** Whether `after()` is offered (Next.js >= 15.1 App Router code). */
  readonly after?: boolean;
}

/** One dropped `target` in `code`; `inner` is the promise the suggestions await or hand off. */
function reported(
  filename: string,
  code: string,
  target: string,
  inner: string,
  { canAwait = true, after = true, ...error }: Expected,
  extra: Partial<Invalid> = {},
): Invalid {
  if (!code.includes(target)) throw new Error(`${target} is not in the code`);
  const replaced = (text: string) => code.replace(target, text);
  return {
    filename,
    code,
    ...extra,
    errors: [
      {
        ...error,
        suggestions: [
          ...(canAwait ? [{ messageId: 'addAwait' as const, output: replaced(`await ${inner}`) }] : []),
          { messageId: 'wrapWaitUntil' as const, output: withImport(replaced(`waitUntil(${inner})`), WAIT_UNTIL_IMPORT) },
          ...(after ? [{ messageId: 'wrapAfter' as const, output: withImport(replaced(`after(${inner})`), AFTER_IMPORT) }] : []),
        ],
      },
    ],
  };
}

/** A schema whose `.catch` is not a promise's, and a function giving a number: known only to the type checker. */
const SCHEMA_AND_LOG = `interface StringSchema { catch(fallback: string): StringSchema; parse(input: unknown): string }
declare const schema: StringSchema;
declare function log(message: string): number;
export async function POST(request: Request) {
  schema.catch('');
  void log(request.url);
  return new Response(schema.parse(null));
}`;

ruleTester.run('no-floating-background-promise (evidence)', rule, {
  valid: [
    // A chain that only handles the outcome of a promise kept elsewhere (awaited, returned, handed on).
    { filename: route, code: `export async function POST() { const p = fetch('https://example.com'); p.catch(() => {}); await p; return new Response(); }` },
    { filename: route, code: `export function GET(request: Request) { const pending = request.text(); pending.then(log, log).catch(log); return pending; }\nfunction log() {}` },
    // Zod schemas have their own `.catch(fallback)`: used as values, never reported.
    {
      filename: route,
      code: `import { z } from 'zod';
const Schema = z.string().catch('');
export async function POST(request: Request) {
  const Body = z.object({ email: z.string().email().catch('') }).catch({ email: '' });
  const page = parse(z.number().catch(0), request.url);
  return Response.json({ body: Body.parse(await request.json()), page, schema: Schema });
}
function parse(schema: unknown, url: string) { return [schema, url]; }`,
    },
    {
      filename: route,
      code: `import { z } from 'zod';
export function GET() {
  return z.object({ id: z.string() }).catch(null);
}`,
    },
    // A `.catch(…)` / `.then(…)` / `.finally(…)` chain that is awaited, returned, assigned and used, or handed off.
    {
      filename: route,
      code: `import { sendWelcome } from '@acme/emails';
import { waitUntil } from '@vercel/functions';
export async function POST(request: Request) {
  const { email } = await request.json();
  await sendWelcome(email).catch(console.error);
  const sent = sendWelcome(email).then(() => true);
  waitUntil(sendWelcome(email).finally(() => console.log('done')));
  return Response.json({ sent: await sent });
}`,
    },
    {
      filename: route,
      code: `import { sendWelcome } from '@acme/emails';
export function POST(request: Request) {
  return sendWelcome(request.url).catch(() => null).then(() => new Response('ok'));
}`,
    },
    // `void` of a non-call.
    { filename: route, code: `export async function POST(request: Request) { void 0; void request; void request.body; return new Response(); }` },
    // `void` of a call known to give a value: a local synchronous function.
    {
      filename: route,
      code: `function log() {}
function trace(message: string) { console.log(message); }
const noop = () => undefined;
export async function POST(request: Request) {
  void log();
  void trace(request.url);
  void noop();
  return new Response('ok');
}`,
    },
    // `.catch` on something the code itself shows is not a promise: a local object literal, a constructed object.
    {
      filename: route,
      code: `const fallback = { catch: (value: unknown) => value };
export async function POST(request: Request) {
  fallback.catch(request.url);
  new Query(request.url).catch(() => null);
  return new Response('ok');
}
class Query { constructor(readonly url: string) {} catch(handler: () => null) { return handler; } }`,
    },
    // Evidence outside request-handling code: module scope, a function no handler calls, a module that handles no requests.
    {
      filename: route,
      code: `import { warmUp, track } from '@acme/metrics';
warmUp().catch(console.error);
void track('boot');
function unusedHelper() { warmUp().then(() => track('ready')); void track('x'); }
export async function POST() { return new Response('ok'); }`,
    },
    {
      filename: fixture('next-15.2', 'lib/notify.ts'),
      code: `import { sendWelcome } from '@acme/emails';
export function notify(email: string) { sendWelcome(email).catch(console.error); void sendWelcome(email); }`,
    },
    // JavaScript (espree): the same limits.
    {
      filename: jsRoute,
      languageOptions: jsLanguageOptions,
      code: `import { z } from 'zod';
import { sendWelcome } from '@acme/emails';
const Schema = z.string().catch('');
function log() {}
export async function POST(request) {
  await sendWelcome(request.url).catch(console.error);
  void log();
  void 0;
  return Response.json(Schema.parse(''));
}`,
    },
    // Typed: the checker knows this `.catch` is a schema's, not a promise's.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: SCHEMA_AND_LOG,
    },
  ],
  invalid: [
    // A dynamic import is a promise: `void` keeps nothing alive.
    reported(route, `export async function POST() {\n  void import('./warm');\n  return new Response();\n}`, `void import('./warm')`, `import('./warm')`, { messageId: 'voided', line: 2 }),
    // An import from a package (out of reach): `.catch(…)` says it is a promise.
    reported(
      route,
      `import { sendWelcome } from '@acme/emails';
export async function POST(request: Request) {
  const { email } = await request.json();
  sendWelcome(email).catch(console.error);
  return Response.json({ ok: true });
}`,
      'sendWelcome(email).catch(console.error)',
      'sendWelcome(email).catch(console.error)',
      { messageId: 'chained', data: { method: 'catch', where: '' }, line: 4 },
    ),
    // A parameter: `.then(…)`.
    reported(
      route,
      `export const POST = withMailer(async (request: Request, mailer: Mailer) => {
  mailer.send({ to: request.url }).then(log);
  return new Response('ok');
});`,
      'mailer.send({ to: request.url }).then(log)',
      'mailer.send({ to: request.url }).then(log)',
      { messageId: 'chained', data: { method: 'then', where: '' } },
    ),
    // An injected service: `void call()`.
    reported(
      route,
      `export const POST = withServices(async (request: Request, { analytics }: Services) => {
  void analytics.track({ event: 'signup', url: request.url });
  return new Response('ok');
});`,
      `void analytics.track({ event: 'signup', url: request.url })`,
      `analytics.track({ event: 'signup', url: request.url })`,
      { messageId: 'voided', data: { where: '' } },
    ),
    // `.finally(…)` on a promise-shaped value of unknown origin.
    reported(
      route,
      `export async function POST(request: Request) {
  const promise = request.formData();
  promise.finally(() => console.log('parsed'));
  return new Response('ok');
}`,
      `promise.finally(() => console.log('parsed'))`,
      `promise.finally(() => console.log('parsed'))`,
      { messageId: 'chained', data: { method: 'finally', where: '' } },
    ),
    // In a module-level helper a handler calls: reported there, naming the handler.
    reported(
      route,
      `import { sendWelcome } from '@acme/emails';
function welcome(email: string) {
  sendWelcome(email).catch(console.error);
}
export async function POST(request: Request) {
  welcome(request.url);
  return new Response('ok');
}`,
      'sendWelcome(email).catch(console.error)',
      'sendWelcome(email).catch(console.error)',
      { messageId: 'chained', data: { method: 'catch', where: ' in `welcome` (called by `POST`)' }, line: 3, canAwait: false },
    ),
    // Pages Router API handler: no after().
    reported(
      pagesRoute,
      `import type { NextApiRequest, NextApiResponse } from 'next';
import { audit } from '@acme/audit';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  void audit.record(req.url);
  res.status(204).end();
}`,
      'void audit.record(req.url)',
      'audit.record(req.url)',
      { messageId: 'voided', canAwait: false, after: false },
    ),
    // JavaScript (espree).
    reported(
      jsRoute,
      `import { sendWelcome } from '@acme/emails';
export async function POST(request) {
  sendWelcome(request.url).catch(console.error);
  return new Response('ok');
}`,
      'sendWelcome(request.url).catch(console.error)',
      'sendWelcome(request.url).catch(console.error)',
      { messageId: 'chained', data: { method: 'catch', where: '' } },
      { languageOptions: jsLanguageOptions },
    ),
    reported(
      jsRoute,
      `export const POST = withServices(async (request, { analytics }) => {
  void analytics.track('signup');
  return new Response('ok');
});`,
      `void analytics.track('signup')`,
      `analytics.track('signup')`,
      { messageId: 'voided' },
      { languageOptions: jsLanguageOptions },
    ),
    // The typed valid case above, without type information: the declarations are out of the
    // syntactic analysis' reach, so the code's own shape is the evidence.
    {
      filename: route,
      code: SCHEMA_AND_LOG,
      errors: [
        {
          messageId: 'chained',
          data: { method: 'catch', where: '' },
          line: 5,
          suggestions: [
            { messageId: 'addAwait', output: SCHEMA_AND_LOG.replace(`schema.catch('')`, `await schema.catch('')`) },
            {
              messageId: 'wrapWaitUntil',
              output: withImport(SCHEMA_AND_LOG.replace(`schema.catch('')`, `waitUntil(schema.catch(''))`), WAIT_UNTIL_IMPORT),
            },
            { messageId: 'wrapAfter', output: withImport(SCHEMA_AND_LOG.replace(`schema.catch('')`, `after(schema.catch(''))`), AFTER_IMPORT) },
          ],
        },
        {
          messageId: 'voided',
          line: 6,
          suggestions: [
            { messageId: 'addAwait', output: SCHEMA_AND_LOG.replace('void log(request.url)', 'await log(request.url)') },
            {
              messageId: 'wrapWaitUntil',
              output: withImport(SCHEMA_AND_LOG.replace('void log(request.url)', 'waitUntil(log(request.url))'), WAIT_UNTIL_IMPORT),
            },
            { messageId: 'wrapAfter', output: withImport(SCHEMA_AND_LOG.replace('void log(request.url)', 'after(log(request.url))'), AFTER_IMPORT) },
          ],
        },
      ],
    },
    // Typed: `.catch` on an `any` value is evidence (the checker knows nothing).
    reported(
      'app/api/track/route.ts',
      `declare const queue: any;
export async function POST(request: Request) {
  queue.push(request.url).catch(() => {});
  return new Response('ok');
}`,
      'queue.push(request.url).catch(() => {})',
      'queue.push(request.url).catch(() => {})',
      { messageId: 'chained', data: { method: 'catch', where: '' } },
      { languageOptions: typedOptions },
    ),
  ],
});

// Evidence in the project's own modules (test/rules/fixtures/project-libraries/lib/notify.ts): an
// imported function that drops a `.catch(…)` chain is reported at the handler's call; one whose
// `void` is on a local synchronous function, or that uses a Zod schema's `.catch`, is not.
const signupRoute = fixture('project-libraries', 'app/api/signup/route.ts');
// The rule names the spot relative to the linted file's package (the fixture project's root).
const notifySpot = (line: number): string => `lib/notify.ts:${line}`;

ruleTester.run('no-floating-background-promise (evidence in imported project modules)', rule, {
  valid: [
    { filename: signupRoute, code: readFileSync(signupRoute, 'utf8') },
    {
      filename: signupRoute,
      code: `import { audit, Email } from '@/lib/notify';
export async function POST(request: Request) {
  audit(Email.parse(request.url));
  return new Response('ok');
}`,
    },
  ],
  invalid: [
    {
      filename: signupRoute,
      code: `import { notify } from '@/lib/notify';
export async function POST(request: Request) {
  notify(request.url);
  return new Response('ok');
}`,
      errors: [
        {
          messageId: 'dropsWork',
          line: 3,
          data: { callee: 'notify', where: '', spot: notifySpot(9) },
        },
      ],
    },
  ],
});
