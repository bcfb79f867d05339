import rule from '../../rules/valid-wait-until.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const route = fixture('next-14.2', 'app/api/track/route.ts');
const typedRoot = fixture('typed', '');
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedRoot } };

ruleTester.run('valid-wait-until', rule, {
  valid: [
    // A promise, inside a handler.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export async function POST() { waitUntil(fetch('https://example.com')); return new Response('ok'); }`,
    },
    // Aliased and namespace forms with a promise.
    {
      filename: route,
      code: `import { waitUntil as wu } from '@fn-kit/functions';
import * as fns from '@vercel/functions';
export function GET() { wu(track()); fns.waitUntil(track()); fns['waitUntil'](track()); }`,
    },
    // An invoked async function is a promise.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil((async () => { await log(); })()); }`,
    },
    // A local function named waitUntil is not the API.
    {
      filename: route,
      code: `function waitUntil(fn) { fn(); }
waitUntil(() => 1);
export function GET() { waitUntil(async () => {}); }`,
    },
    // Shadowed inside the handler: not the API either.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET(req, { waitUntil }) { waitUntil(async () => {}); }`,
    },
    // No API import at all (the rule bails out).
    { filename: route, code: `export function GET() { waitUntil(async () => {}); }` },
    // require forms, plain JS.
    {
      filename: fixture('next-14.2', 'api/hook.js'),
      languageOptions: jsLanguageOptions,
      code: `const { waitUntil } = require('@vercel/functions');
module.exports = function handler(req, res) { waitUntil(save(req)); res.end(); };`,
    },
    // An identifier that is not known to be a function (untyped): left alone.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { const p = makePromise(); waitUntil(p); }`,
    },
    // Instance field initialisers run per construction, not at module scope.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
class Job { started = waitUntil(run()); }`,
    },
    // Typed: a promise value and a thenable pass.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { waitUntil } from '@vercel/functions';
import { saveLater, enqueue } from '../../../lib/helpers.js';
export function POST() { waitUntil(saveLater('x')); waitUntil(enqueue('y')); }`,
    },
  ],
  invalid: [
    // async arrow: autofix to an invoked one.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(async () => { await log(); }); }`,
      output: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil((async () => { await log(); })()); }`,
      errors: [{ messageId: 'functionArgument', line: 2, column: 36 }],
    },
    // async function expression, aliased import, TSX file.
    {
      filename: fixture('next-14.2', 'app/page.tsx'),
      code: `import { waitUntil as keepAlive } from '@fn-kit/functions';
export function Page() { keepAlive(async function report() { await log(); }); return <div />; }`,
      output: `import { waitUntil as keepAlive } from '@fn-kit/functions';
export function Page() { keepAlive((async function report() { await log(); })()); return <div />; }`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // Namespace import, plain JS through espree.
    {
      filename: fixture('next-14.2', 'app/api/route.js'),
      languageOptions: jsLanguageOptions,
      code: `import * as fns from '@vercel/functions';
export function GET() { fns.waitUntil(async () => log()); }`,
      output: `import * as fns from '@vercel/functions';
export function GET() { fns.waitUntil((async () => log())()); }`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // require with a namespace binding.
    {
      filename: fixture('next-14.2', 'api/x.js'),
      languageOptions: jsLanguageOptions,
      code: `const fns = require('@vercel/functions');
module.exports = (req, res) => { fns.waitUntil(async () => { await log(); }); };`,
      output: `const fns = require('@vercel/functions');
module.exports = (req, res) => { fns.waitUntil((async () => { await log(); })()); };`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // TypeScript's import-equals require form is a namespace binding too.
    {
      filename: fixture('next-14.2', 'api/x.cts'),
      code: `import fns = require('@vercel/functions');
export = (req: unknown, res: unknown) => { fns.waitUntil(async () => { await log(); }); };`,
      output: `import fns = require('@vercel/functions');
export = (req: unknown, res: unknown) => { fns.waitUntil((async () => { await log(); })()); };`,
      errors: [{ messageId: 'functionArgument' }],
    },
    // A non-async function: calling it may or may not give a promise, so only a suggestion.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(() => fetch('https://example.com')); }`,
      output: null,
      errors: [
        {
          messageId: 'functionArgument',
          suggestions: [
            {
              messageId: 'invokeFunction',
              output: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil((() => fetch('https://example.com'))()); }`,
            },
          ],
        },
      ],
    },
    // An async function with parameters: calling it without arguments may not be meant.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(async (id) => save(id)); }`,
      output: null,
      errors: [
        {
          messageId: 'functionArgument',
          suggestions: [
            {
              messageId: 'invokeFunction',
              output: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil((async (id) => save(id))()); }`,
            },
          ],
        },
      ],
    },
    // An async generator gives an iterator when called: no fix.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(async function* () { yield 1; }); }`,
      output: null,
      errors: [{ messageId: 'functionArgument', suggestions: [] }],
    },
    // A reference to a local function: suggestion to call it.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(flushLogs); }
async function flushLogs() {}`,
      output: null,
      errors: [
        {
          messageId: 'functionReference',
          data: { name: 'flushLogs' },
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
export function GET() { waitUntil(flushLogs()); }
async function flushLogs() {}`,
            },
          ],
        },
      ],
    },
    // A const arrow function and a member of a local object literal.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
const flush = async () => {};
const jobs = { send: async () => {} };
export function GET() { waitUntil(flush); waitUntil(jobs.send); }`,
      output: null,
      errors: [
        {
          messageId: 'functionReference',
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
const flush = async () => {};
const jobs = { send: async () => {} };
export function GET() { waitUntil(flush()); waitUntil(jobs.send); }`,
            },
          ],
        },
        {
          messageId: 'functionReference',
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
const flush = async () => {};
const jobs = { send: async () => {} };
export function GET() { waitUntil(flush); waitUntil(jobs.send()); }`,
            },
          ],
        },
      ],
    },
    // await waitUntil(...)
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export async function POST() { await waitUntil(save()); }`,
      output: null,
      errors: [
        {
          messageId: 'awaited',
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `import { waitUntil } from '@vercel/functions';
export async function POST() { waitUntil(save()); }`,
            },
          ],
        },
      ],
    },
    // Argument counts.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(); }`,
      output: null,
      errors: [{ messageId: 'missingArgument' }],
    },
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(a(), b()); }`,
      output: null,
      errors: [
        {
          messageId: 'extraArguments',
          data: { count: '1' },
          suggestions: [
            {
              messageId: 'combinePromises',
              output: `import { waitUntil } from '@vercel/functions';
export function POST() { waitUntil(Promise.all([a(), b()])); }`,
            },
          ],
        },
      ],
    },
    // Module scope, including a static block; the async-arrow fix still applies.
    {
      filename: route,
      code: `import { waitUntil } from '@vercel/functions';
waitUntil(warmUp());
class Cache { static { waitUntil(async () => {}); } }`,
      output: `import { waitUntil } from '@vercel/functions';
waitUntil(warmUp());
class Cache { static { waitUntil((async () => {})()); } }`,
      errors: [{ messageId: 'moduleScope', line: 2 }, { messageId: 'moduleScope', line: 3 }, { messageId: 'functionArgument', line: 3 }],
    },
    // Typed: a parameter typed as a function, and a value that is no promise.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { waitUntil } from '@vercel/functions';
import { compute, flush } from '../../../lib/helpers.js';
export function POST(task: () => Promise<void>) { waitUntil(task); waitUntil(compute()); waitUntil(flush); }`,
      output: null,
      errors: [
        {
          messageId: 'functionReference',
          data: { name: 'task' },
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
import { compute, flush } from '../../../lib/helpers.js';
export function POST(task: () => Promise<void>) { waitUntil(task()); waitUntil(compute()); waitUntil(flush); }`,
            },
          ],
        },
        { messageId: 'notAPromise', data: { type: 'number' } },
        {
          messageId: 'functionReference',
          data: { name: 'flush' },
          suggestions: [
            {
              messageId: 'callFunction',
              output: `import { waitUntil } from '@vercel/functions';
import { compute, flush } from '../../../lib/helpers.js';
export function POST(task: () => Promise<void>) { waitUntil(task); waitUntil(compute()); waitUntil(flush()); }`,
            },
          ],
        },
      ],
    },
  ],
});
