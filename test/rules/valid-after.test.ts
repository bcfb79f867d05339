import rule from '../../rules/valid-after.js';
import { fixture, noNextProject } from './fixtures/paths.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

const ruleTester = createRuleTester();
const route15 = fixture('next-15.2', 'app/api/track/route.ts');
const page15 = fixture('next-15.2', 'app/dashboard/page.tsx');
const layout16 = fixture('next-16', 'app/layout.tsx');
const page150 = fixture('next-15.0', 'app/page.tsx');
const typedRoot = fixture('typed', '');
const typedOptions = { parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedRoot } };

ruleTester.run('valid-after', rule, {
  valid: [
    // The common shapes: a callback, a promise, a local function, an inline async IIFE.
    {
      filename: route15,
      code: `import { after } from 'next/server';
export async function POST() {
  after(() => console.log('done'));
  after(fetch('https://example.com/log'));
  after(async () => { await fetch('https://example.com/log'); });
  return new Response('ok');
}`,
    },
    { filename: route15, code: `import { after } from 'next/server';\nfunction log() {}\nexport function GET() { after(log); return new Response(); }` },
    // An unknown argument (an imported value, a call of something out of reach) stays silent.
    { filename: route15, code: `import { after } from 'next/server';\nimport { job } from './job';\nexport function GET() { after(job); after(makeTask()); return new Response(); }` },
    // Route Handlers and Server Actions may read request APIs inside after().
    {
      filename: route15,
      code: `import { after } from 'next/server';
import { cookies, headers } from 'next/headers';
export async function POST() {
  after(async () => { const h = await headers(); const c = await cookies(); log(h, c); });
  return new Response('ok');
}`,
    },
    {
      filename: fixture('next-15.2', 'app/actions.ts'),
      code: `'use server';
import { after } from 'next/server';
import { cookies } from 'next/headers';
export async function save() { after(async () => { log(await cookies()); }); }`,
    },
    // An inline Server Action inside a page may read them too.
    {
      filename: page15,
      code: `import { after } from 'next/server';
import { cookies } from 'next/headers';
export default function Page() {
  async function act() { 'use server'; after(async () => { log(await cookies()); }); }
  return <form action={act} />;
}`,
    },
    // The page reads first, then uses the value in after(): the documented way.
    {
      filename: page15,
      code: `import { after } from 'next/server';
import { headers } from 'next/headers';
export default async function Page() {
  const headersList = await headers();
  after(() => log(headersList.get('user-agent')));
  return <main />;
}`,
    },
    // A local headers() is not next/headers'.
    {
      filename: page15,
      code: `import { after } from 'next/server';
export default function Page() { const headers = () => ({}); after(() => headers()); return <main />; }`,
    },
    // Next 14.2 has no after: nothing to check; no Next.js version at all: silent too.
    { filename: fixture('next-14.2', 'app/page.tsx'), code: `import { after } from 'next/server';\nafter(() => {});` },
    { filename: noNextProject('app/page.tsx'), code: `import { unstable_after } from 'next/server';\nunstable_after(() => {});` },
    // A local `after`, and the runtime's own after, are not next/server's.
    { filename: route15, code: `const after = (x) => x;\nafter(1);\nexport {};\nimport 'next/server';` },
    { filename: route15, code: `import { after } from '@fn-kit/functions';\nafter(1);\nimport 'next/server';` },
    {
      filename: route15,
      code: `import { after } from 'next/server';\nexport function GET() { const after = (x: number) => x; after(1); return new Response(); }`,
    },
    // 15.0.x with experimental.after in next.config.ts: unstable_after is fine.
    {
      filename: fixture('next-15.0-after-flag', 'app/page.tsx'),
      code: `import { unstable_after as after } from 'next/server';\nexport default function Page() { after(() => {}); return <main />; }`,
    },
    // 15.0.x with a config that only running it would tell: silent.
    {
      filename: fixture('next-15.0-config-dynamic', 'app/page.tsx'),
      code: `import { unstable_after as after } from 'next/server';\nexport default function Page() { after(() => {}); return <main />; }`,
    },
    // unstable_after is right on 15.0 (the flag is checked separately); after is right on 15.1.
    {
      filename: fixture('next-15.1', 'app/page.tsx'),
      code: `import { after } from 'next/server';\nexport default function Page() { after(() => {}); return <main />; }`,
    },
    // JS (espree), require form.
    {
      filename: fixture('next-15.2', 'app/api/route.js'),
      languageOptions: jsLanguageOptions,
      code: `const { after } = require('next/server');\nexports.GET = function GET() { after(() => {}); return new Response(); };`,
    },
    // Typed: a promise only the type checker sees, and a function type.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { after } from 'next/server';
import { saveLater, flush } from '../../../lib/helpers.js';
export function POST() { after(saveLater('x')); after(flush); return new Response(); }`,
    },
  ],
  invalid: [
    // Module scope, JS and TS.
    {
      filename: route15,
      code: `import { after } from 'next/server';\nafter(() => warmUp());`,
      errors: [{ messageId: 'moduleScope', data: { name: 'after' }, line: 2, column: 1 }],
    },
    {
      filename: fixture('next-15.2', 'app/api/route.js'),
      languageOptions: jsLanguageOptions,
      code: `import { after as later } from 'next/server';\nlater(() => warmUp());`,
      errors: [{ messageId: 'moduleScope', data: { name: 'after' } }],
    },
    // A 'use client' file.
    {
      filename: fixture('next-15.2', 'app/button.tsx'),
      code: `'use client';\nimport { after } from 'next/server';\nexport function B() { return <button onClick={() => after(() => track())} />; }`,
      errors: [{ messageId: 'clientFile', line: 3 }],
    },
    // Pages Router files: an API route and a page.
    {
      filename: fixture('next-15.2', 'pages/api/hook.ts'),
      code: `import { after } from 'next/server';\nexport default function handler(req, res) { after(() => track()); res.end(); }`,
      errors: [{ messageId: 'pagesRouter', line: 2 }],
    },
    {
      filename: fixture('next-16', 'src/pages/index.tsx'),
      code: `import * as server from 'next/server';\nexport default function Home() { server.after(() => track()); return <main />; }`,
      errors: [{ messageId: 'pagesRouter' }],
    },
    // await after(...): suggestion drops the await.
    {
      filename: route15,
      code: `import { after } from 'next/server';\nexport async function POST() { await after(() => track()); return new Response(); }`,
      errors: [
        {
          messageId: 'awaited',
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `import { after } from 'next/server';\nexport async function POST() { after(() => track()); return new Response(); }`,
            },
          ],
        },
      ],
    },
    // Arguments that are never run; and no argument.
    {
      filename: route15,
      code: `import { after } from 'next/server';
export function GET() {
  after('flush');
  after({ run: () => {} });
  after(undefined);
  after(\`x\`);
  after();
  return new Response();
}`,
      errors: [
        { messageId: 'notAFunctionOrPromise', data: { name: 'after', kind: 'a value of type `string`' }, line: 3 },
        { messageId: 'notAFunctionOrPromise', data: { name: 'after', kind: 'an object' }, line: 4 },
        { messageId: 'notAFunctionOrPromise', data: { name: 'after', kind: 'undefined' }, line: 5 },
        { messageId: 'notAFunctionOrPromise', line: 6 },
        { messageId: 'missingArgument', line: 7 },
      ],
    },
    // Typed: a number from an imported function.
    {
      filename: 'app/api/track/route.ts',
      languageOptions: typedOptions,
      code: `import { after } from 'next/server';
import { compute } from '../../../lib/helpers.js';
export function POST() { after(compute()); return new Response(); }`,
      errors: [{ messageId: 'notAFunctionOrPromise', data: { name: 'after', kind: 'a value of type `number`' } }],
    },
    // cookies() inside the after() callback of a page: the suggestion hoists the awaited read.
    {
      filename: page15,
      code: `import { after } from 'next/server';
import { cookies } from 'next/headers';
export default async function Page() {
  after(async () => {
    const store = await cookies();
    log(store.get('session'));
  });
  return <main />;
}`,
      errors: [
        {
          messageId: 'requestApiInCallback',
          data: { api: 'cookies' },
          line: 5,
          suggestions: [
            {
              messageId: 'hoistRequestApi',
              data: { api: 'cookies', name: 'cookieStore' },
              output: `import { after } from 'next/server';
import { cookies } from 'next/headers';
export default async function Page() {
  const cookieStore = await cookies();
  after(async () => {
    const store = cookieStore;
    log(store.get('session'));
  });
  return <main />;
}`,
            },
          ],
        },
      ],
    },
    // A layout (Next 16), aliased and namespace next/headers imports; a sync component: only the call moves.
    {
      filename: layout16,
      code: `import { after } from 'next/server';
import { headers as requestHeaders } from 'next/headers';
import * as nh from 'next/headers';
export default function Layout({ children }) {
  after(async () => log((await requestHeaders()).get('x'), nh.draftMode()));
  return children;
}`,
      errors: [
        {
          messageId: 'requestApiInCallback',
          data: { api: 'headers' },
          suggestions: [
            {
              messageId: 'hoistRequestApi',
              data: { api: 'headers', name: 'headersList' },
              output: `import { after } from 'next/server';
import { headers as requestHeaders } from 'next/headers';
import * as nh from 'next/headers';
export default function Layout({ children }) {
  const headersList = requestHeaders();
  after(async () => log((await headersList).get('x'), nh.draftMode()));
  return children;
}`,
            },
          ],
        },
        {
          messageId: 'requestApiInCallback',
          data: { api: 'draftMode' },
          suggestions: [
            {
              messageId: 'hoistRequestApi',
              data: { api: 'draftMode', name: 'draftModeState' },
              output: `import { after } from 'next/server';
import { headers as requestHeaders } from 'next/headers';
import * as nh from 'next/headers';
export default function Layout({ children }) {
  const draftModeState = nh.draftMode();
  after(async () => log((await requestHeaders()).get('x'), draftModeState));
  return children;
}`,
            },
          ],
        },
      ],
    },
    // A component rendered by the page, in the same file; a callback passed by name (no hoist:
    // the function is declared elsewhere); a name already in use gets a number; `if` without block: no hoist.
    {
      filename: page15,
      code: `import { after } from 'next/server';
import { cookies } from 'next/headers';
async function logVisit() { log(await cookies()); }
function Banner() {
  const cookieStore = 1;
  after(async () => log(await cookies(), cookieStore));
  if (cookieStore) after(() => cookies());
  after(logVisit);
  return <p />;
}
export default function Page() { return <Banner />; }`,
      errors: [
        {
          messageId: 'requestApiInCallback',
          line: 3,
          suggestions: [],
        },
        {
          messageId: 'requestApiInCallback',
          line: 6,
          suggestions: [
            {
              messageId: 'hoistRequestApi',
              data: { api: 'cookies', name: 'cookieStore2' },
              output: `import { after } from 'next/server';
import { cookies } from 'next/headers';
async function logVisit() { log(await cookies()); }
function Banner() {
  const cookieStore = 1;
  const cookieStore2 = cookies();
  after(async () => log(await cookieStore2, cookieStore));
  if (cookieStore) after(() => cookies());
  after(logVisit);
  return <p />;
}
export default function Page() { return <Banner />; }`,
            },
          ],
        },
        { messageId: 'requestApiInCallback', line: 7, suggestions: [] },
      ],
    },
    // JS page with require: the read moves, still reported.
    {
      filename: fixture('next-15.2', 'app/page.jsx'),
      languageOptions: jsLanguageOptions,
      code: `import { after } from 'next/server';
import { headers } from 'next/headers';
export default async function Page() {
  after(async () => { const h = await headers(); log(h); });
  return <main />;
}`,
      errors: [
        {
          messageId: 'requestApiInCallback',
          suggestions: [
            {
              messageId: 'hoistRequestApi',
              output: `import { after } from 'next/server';
import { headers } from 'next/headers';
export default async function Page() {
  const headersList = await headers();
  after(async () => { const h = headersList; log(h); });
  return <main />;
}`,
            },
          ],
        },
      ],
    },
    // unstable_after on 15.2: autofix to after; the local name `after` keeps working.
    {
      filename: route15,
      code: `import { unstable_after as after } from 'next/server';\nexport function GET() { after(() => {}); return new Response(); }`,
      output: `import { after } from 'next/server';\nexport function GET() { after(() => {}); return new Response(); }`,
      errors: [{ messageId: 'unstableAfterRemoved', data: { version: '15.2.0', stableFrom: '15.1.0' }, line: 1, column: 10 }],
    },
    // `next/server.js` is the same module (ESM code that spells out extensions).
    {
      filename: route15,
      code: `import { unstable_after as after } from 'next/server.js';\nexport function GET() { after(() => {}); return new Response(); }`,
      output: `import { after } from 'next/server.js';\nexport function GET() { after(() => {}); return new Response(); }`,
      errors: [{ messageId: 'unstableAfterRemoved', data: { version: '15.2.0', stableFrom: '15.1.0' }, line: 1, column: 10 }],
    },
    // Imported under its own name: every use is renamed (nothing else in the file is `after`).
    {
      filename: page15,
      code: `import { NextResponse, unstable_after } from 'next/server';\nexport default function Page() { unstable_after(() => {}); unstable_after(() => {}); return <main />; }`,
      output: `import { NextResponse, after } from 'next/server';\nexport default function Page() { after(() => {}); after(() => {}); return <main />; }`,
      errors: [{ messageId: 'unstableAfterRemoved' }],
    },
    // ... unless `after` is taken, or the name is exported: then it is aliased.
    {
      filename: route15,
      code: `import { unstable_after } from 'next/server';\nconst after = 1;\nexport function GET() { unstable_after(() => {}); return new Response(String(after)); }`,
      output: `import { after as unstable_after } from 'next/server';\nconst after = 1;\nexport function GET() { unstable_after(() => {}); return new Response(String(after)); }`,
      errors: [{ messageId: 'unstableAfterRemoved' }],
    },
    {
      filename: fixture('next-16', 'lib/after.ts'),
      code: `import { unstable_after } from 'next/server';\nexport { unstable_after };`,
      output: `import { after as unstable_after } from 'next/server';\nexport { unstable_after };`,
      errors: [{ messageId: 'unstableAfterRemoved' }],
    },
    // Merged into the file's other next/server import; an alias stays.
    {
      filename: route15,
      code: `import { NextResponse } from 'next/server';\nimport { unstable_after as later } from 'next/server';\nexport function GET() { later(() => {}); return NextResponse.json({}); }`,
      output: `import { NextResponse, after as later } from 'next/server';\nexport function GET() { later(() => {}); return NextResponse.json({}); }`,
      errors: [{ messageId: 'unstableAfterRemoved' }],
    },
    // Namespace, require (JS), a re-export.
    {
      filename: route15,
      code: `import * as server from 'next/server';\nexport function GET() { server.unstable_after(() => {}); server['unstable_after'](() => {}); return new Response(); }`,
      output: `import * as server from 'next/server';\nexport function GET() { server.after(() => {}); server['after'](() => {}); return new Response(); }`,
      errors: [{ messageId: 'unstableAfterRemoved' }, { messageId: 'unstableAfterRemoved' }],
    },
    {
      filename: fixture('next-15.2', 'app/api/route.js'),
      languageOptions: jsLanguageOptions,
      code: `const { unstable_after } = require('next/server');\nexports.GET = () => { unstable_after(() => {}); };`,
      output: `const { after } = require('next/server');\nexports.GET = () => { after(() => {}); };`,
      errors: [{ messageId: 'unstableAfterRemoved' }],
    },
    {
      filename: fixture('next-15.2', 'app/api/route.js'),
      languageOptions: jsLanguageOptions,
      code: `const { unstable_after: later, NextResponse } = require('next/server');\nconst { unstable_after = null } = require('next/server');\nexports.GET = () => { later(() => {}); return { unstable_after }; };`,
      output: `const { after: later, NextResponse } = require('next/server');\nconst { after: unstable_after = null } = require('next/server');\nexports.GET = () => { later(() => {}); return { unstable_after }; };`,
      errors: [{ messageId: 'unstableAfterRemoved' }, { messageId: 'unstableAfterRemoved' }],
    },
    {
      filename: fixture('next-16', 'lib/next.ts'),
      code: `export { unstable_after, unstable_after as later } from 'next/server';`,
      output: `export { after as unstable_after, after as later } from 'next/server';`,
      errors: [{ messageId: 'unstableAfterRemoved' }, { messageId: 'unstableAfterRemoved' }],
    },
    // On 15.0.x without experimental.after (no next.config at all): reported once per file, no fix.
    {
      filename: page150,
      code: `import { unstable_after as after } from 'next/server';\nexport default function Page() { after(() => {}); return <main />; }`,
      errors: [{ messageId: 'experimentalAfterMissing', data: { version: '15.0.3', stableFrom: '15.1.0', where: ` (in ${fixture('next-15.0', '')})`.replace(/\/\)$/, ')') } }],
    },
    // settings.fn.nextVersion wins: 16 removes unstable_after even in the 15.0 fixture.
    {
      filename: page150,
      settings: { fn: { nextVersion: '16.0.0' } },
      code: `import { unstable_after } from 'next/server';\nexport default function Page() { unstable_after(() => {}); return <main />; }`,
      output: `import { after } from 'next/server';\nexport default function Page() { after(() => {}); return <main />; }`,
      errors: [{ messageId: 'unstableAfterRemoved' }],
    },
  ],
});
