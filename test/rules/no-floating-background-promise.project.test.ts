/**
 * Whole-program analysis without types: imports into the project's own modules (the fixture
 * project test/rules/fixtures/project-index, with tsconfig paths, package.json imports and
 * re-export chains), and helpers of the same file that handlers call.
 */
import rule from '../../rules/no-floating-background-promise.js';
import { fixture } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const route = fixture('project-index', 'app/api/orders/route.ts');
const routeJs = fixture('project-index', 'app/api/legacy/route.js');
/** With type information: the fixture project's own tsconfig (its packages are not installed, so their imports are `any`). */
const typed = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture('project-index', '') } };
const W = `import { waitUntil } from '@vercel/functions';\n`;
/** Where the dropped work is, as the message names it: relative to the linted file's package. */
const spot = (file: string, line: number): string => `${file}:${line}`;


/** The import goes after the file's last import, or first. */
function withImport(code: string, line: string): string {
  const lines = code.split('\n');
  let last = -1;
  lines.forEach((l, i) => {
    if (/^(import |const .* = require\()/.test(l)) last = i;
  });
  lines.splice(last + 1, 0, line);
  return lines.join('\n');
}

type Kind = 'floating' | 'voided' | 'chained' | 'lazy' | 'unused';

/**
 * One finding on `target` (its exact text in `code`), with the suggestions the rule offers:
 * `await` in async code, then waitUntil, then after (App Router code on Next.js 15.2).
 */
function finding(code: string, target: string, messageId: Kind, extra: { line?: number; data?: Record<string, string>; async?: boolean; inner?: string } = {}) {
  const inner = extra.inner ?? target.replace(/^void /, '');
  // A lazy thenable is only PromiseLike: keepers get it as `Promise.resolve(…)`.
  const handed = messageId === 'lazy' ? `Promise.resolve(${inner})` : inner;
  const swap = (text: string): string => code.replace(target, text);
  const suggestions = [
    ...(extra.async ? [{ messageId: 'addAwait' as const, output: swap(`await ${inner}`) }] : []),
    { messageId: 'wrapWaitUntil' as const, output: withImport(swap(`waitUntil(${handed})`), "import { waitUntil } from '@vercel/functions';") },
    { messageId: 'wrapAfter' as const, output: withImport(swap(`after(${handed})`), "import { after } from 'next/server';") },
  ];
  return { messageId, ...(extra.line ? { line: extra.line } : {}), ...(extra.data ? { data: extra.data } : {}), suggestions };
}

ruleTester.run('no-floating-background-promise (project index)', rule, {
  valid: [
    // Awaited, returned, handed off: imported promises used properly.
    { filename: route, code: `import { saveOrder } from '@/lib/orders';\nexport async function POST() { await saveOrder({ id: '1' }); return new Response(); }` },
    { filename: route, code: `import { saveOrder } from '@/lib/orders';\nexport function POST() { return saveOrder({ id: '1' }); }` },
    { filename: route, code: `${W}import { saveOrder } from '@/lib/orders';\nexport function POST() { waitUntil(saveOrder({ id: '1' })); return new Response(); }` },
    // Handed to a project wrapper of waitUntil: handed off.
    { filename: route, code: `import { background } from '@/lib/background';\nimport { saveOrder } from '@/lib/orders';\nexport function POST() { background(saveOrder({ id: '1' })); return new Response(); }` },
    // Known not to be a promise, or unknown.
    { filename: route, code: `import { formatOrder, maybeSync } from '@/lib/orders';\nexport function POST() { formatOrder({ id: '1' }); maybeSync({ id: '1' }); return new Response(); }` },
    // Work dropped inside a callback of the imported function is not dropped by the call.
    { filename: route, code: `import { onSignal } from '@/lib/email';\nexport function POST() { onSignal('a@b.c'); return new Response(); }` },
    // Not request-handling code: the same calls at module level or in a function no handler calls.
    { filename: route, code: `import { saveOrder, recordAudit } from '@/lib/orders';\nfunction unused() { saveOrder({ id: '1' }); recordAudit('1'); }\nexport function GET() { return new Response(); }` },
    // A server action that drops work is reported in its own file, not again at each call.
    { filename: fixture('project-index', 'app/page.tsx'), code: `import { subscribe } from './actions';
async function act(data) { 'use server'; await subscribe(String(data.get('email'))); }
export default function Page() { return <form action={act} />; }` },
    // An unresolvable or cyclic import is unknown.
    { filename: route, code: `import { missing } from '@/lib/broken-reexport';\nimport { neither } from '@/lib/cycle-a';\nexport function POST() { missing(); neither(); return new Response(); }` },
    // Off: settings.fn.projectIndex false keeps every import unknown.
    {
      filename: route,
      code: `import { saveOrder } from '@/lib/orders';\nexport function POST() { saveOrder({ id: '1' }); return new Response(); }`,
      settings: { fn: { projectIndex: false } },
    },
    // Same-file helpers: one that no handler calls; one whose promise is awaited.
    { filename: route, code: `function warm() { fetch('/warm'); }\nasync function save() { await fetch('/x'); }\nexport async function POST() { await save(); return new Response(); }` },
  ],
  invalid: [
    // An imported async function, through a tsconfig alias: floating, with the usual suggestions.
    (() => {
      const code = `import { saveOrder } from '@/lib/orders';\nexport async function POST() {\n  saveOrder({ id: '1' });\n  return new Response();\n}`;
      return { filename: route, code, errors: [finding(code, `saveOrder({ id: '1' })`, 'floating', { line: 3, async: true })] };
    })(),
    // Every resolution form: relative, `export *` barrel, renamed re-export, .js specifier, package imports, directory index, namespace.
    (() => {
      const code = `import { saveOrder } from '../../../lib/orders';
import { welcome, saveOrder as viaBarrel } from '~lib';
import { save } from '@/lib/esm';
import { enqueue } from '#queue';
import * as orders from '#lib/orders';
export function POST() {
  saveOrder({ id: '1' });
  welcome('a@b.c');
  viaBarrel({ id: '1' });
  save({ id: '1' });
  enqueue('job');
  orders.saveOrder({ id: '1' });
  return new Response();
}`;
      const targets = [`saveOrder({ id: '1' })`, `welcome('a@b.c')`, `viaBarrel({ id: '1' })`, `save({ id: '1' })`, `enqueue('job')`, `orders.saveOrder({ id: '1' })`];
      return { filename: route, code, errors: targets.map((target, i) => finding(code, target, 'floating', { line: 7 + i })) };
    })(),
    // A dangling `.catch` and a `void` on imported promises.
    (() => {
      const code = `import { saveOrder } from '@/lib/orders';\nexport function POST() {\n  saveOrder({ id: '1' }).catch(console.error);\n  void saveOrder({ id: '2' });\n  return new Response();\n}`;
      return {
        filename: route,
        code,
        errors: [
          finding(code, `saveOrder({ id: '1' }).catch(console.error)`, 'chained', { line: 3, data: { method: 'catch', where: '' } }),
          finding(code, `void saveOrder({ id: '2' })`, 'voided', { line: 4 }),
        ],
      };
    })(),
    // Imported functions that drop work they start: reported at the call, naming where the work is dropped.
    {
      filename: route,
      code: `import { recordAudit } from '@/lib/orders';
import { sendLater, audit } from '@/lib/email';
import { notifyAll } from '@/lib/notify';
export async function POST() {
  recordAudit('1');
  await sendLater('a@b.c');
  audit('2');
  notifyAll('a@b.c');
  return new Response();
}`,
      errors: [
        { messageId: 'dropsWork', line: 5, data: { callee: 'recordAudit', where: '', spot: spot('lib/orders.ts', 9) } },
        { messageId: 'dropsWork', line: 6, data: { callee: 'sendLater', where: '', spot: spot('lib/email.ts', 11) } },
        { messageId: 'dropsWork', line: 7, data: { callee: 'audit', where: '', spot: spot('lib/orders.ts', 9) } },
        { messageId: 'dropsWork', line: 8, data: { callee: 'notifyAll', where: '', spot: spot('lib/email.ts', 11) } },
      ],
    },
    // With type information: the checker knows `saveOrder` returns a promise; where it knows nothing
    // (`db` from a package that is not installed is `any`), the index and the library table answer.
    (() => {
      const code = `import { saveOrder } from '@/lib/orders';\nimport { db } from '@/lib/db';\nimport { recordAudit } from '@/lib/orders';\nexport async function POST() {\n  saveOrder({ id: '1' });\n  void db.from('logs').insert({ at: 1 });\n  recordAudit('1');\n  return new Response();\n}`;
      return {
        // Typed cases name the file relative to tsconfigRootDir, as RuleTester expects.
        filename: 'app/api/orders/route.ts',
        code,
        languageOptions: typed,
        errors: [
          finding(code, `saveOrder({ id: '1' })`, 'floating', { line: 5, async: true }),
          finding(code, `void db.from('logs').insert({ at: 1 })`, 'lazy', { line: 6, async: true }),
          { messageId: 'dropsWork' as const, line: 7, data: { callee: 'recordAudit', where: '', spot: spot('lib/orders.ts', 9) } },
        ],
      };
    })(),
    // A library client made in another module: a lazy Supabase query that never runs.
    (() => {
      const code = `import { db } from '@/lib/db';\nexport async function POST() {\n  void db.from('logs').insert({ at: 1 });\n  return new Response();\n}`;
      return { filename: route, code, errors: [finding(code, `void db.from('logs').insert({ at: 1 })`, 'lazy', { line: 3, async: true })] };
    })(),
    (() => {
      const code = `import * as clients from '@/lib/db';\nexport async function POST() {\n  void clients.db.from('logs').insert({ at: 1 });\n  return new Response();\n}`;
      return { filename: route, code, errors: [finding(code, `void clients.db.from('logs').insert({ at: 1 })`, 'lazy', { line: 3, async: true })] };
    })(),
    (() => {
      const code = `import { createClient } from '@/utils/supabase';\nexport async function POST() {\n  const supabase = await createClient();\n  supabase.from('logs').insert({ at: 1 });\n  return new Response();\n}`;
      return { filename: route, code, errors: [finding(code, `supabase.from('logs').insert({ at: 1 })`, 'lazy', { line: 4, async: true })] };
    })(),
    // CommonJS on both sides, parsed as plain JavaScript.
    (() => {
      const code = `const { track } = require('../../../lib/legacy');\nexport function POST() {\n  track('signup');\n  return new Response();\n}`;
      return { filename: routeJs, code, languageOptions: jsLanguageOptions, errors: [finding(code, `track('signup')`, 'floating', { line: 3 })] };
    })(),
    // Same-file helpers reached from a handler (called twice: reported once), where the promise is, naming the handler.
    (() => {
      const code = `async function notify(id) { await fetch('/notify/' + id); }
function logOrder(id) {
  notify('order:' + id);
  (async () => { await fetch('/log/' + id); })();
}
export function POST() {
  logOrder('1');
  logOrder('2');
  return new Response();
}`;
      const where = ' in `logOrder` (called by `POST`)';
      return {
        filename: route,
        code,
        errors: [
          finding(code, `notify('order:' + id)`, 'floating', { line: 3, data: { where } }),
          finding(code, `(async () => { await fetch('/log/' + id); })()`, 'floating', { line: 4, data: { where } }),
        ],
      };
    })(),
    // Helpers calling helpers, recursion, a const arrow helper; an imported dropper inside a helper.
    (() => {
      const code = `import { recordAudit } from '@/lib/orders';
const audit = (id) => { recordAudit(id); fetch('/audit/' + id).then(() => audit(id)); };
function retry(id, n) { if (n > 0) retry(id, n - 1); audit(id); }
export const POST = async () => { retry('1', 3); return new Response(); };`;
      const where = ' in `audit` (called by `POST`)';
      return {
        filename: route,
        code,
        errors: [
          { messageId: 'dropsWork' as const, line: 2, data: { callee: 'recordAudit', where, spot: spot('lib/orders.ts', 9) } },
          finding(code, `fetch('/audit/' + id).then(() => audit(id))`, 'chained', { line: 2, data: { method: 'then', where } }),
        ],
      };
    })(),
    // A helper's unused promise variable.
    (() => {
      const code = `function prefetch() { const p = fetch('/warm'); }\nexport function GET() { prefetch(); return new Response(); }`;
      const wrap = (callee: string): string => code.replace(`const p = fetch('/warm');`, `const p = fetch('/warm');\n${callee}(p);`);
      return {
        filename: route,
        code,
        errors: [
          {
            messageId: 'unused' as const,
            data: { name: 'p', where: ' in `prefetch` (called by `GET`)' },
            suggestions: [
              { messageId: 'wrapWaitUntil' as const, output: withImport(wrap('waitUntil'), "import { waitUntil } from '@vercel/functions';") },
              { messageId: 'wrapAfter' as const, output: withImport(wrap('after'), "import { after } from 'next/server';") },
            ],
          },
        ],
      };
    })(),
  ],
});
