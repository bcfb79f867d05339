import rule from '../../rules/prefer-get-env.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';
import { projectWithoutFunctionsPackage } from './project-fixtures.js';

const cjs = { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' } } as const;

const ruleTester = createRuleTester();

ruleTester.run('prefer-get-env', rule, {
  valid: [
    // variables getEnv() does not return
    'export const id = process.env.VERCEL_PROJECT_ID;',
    'export const t = process.env.VERCEL_TARGET_ENV;',
    'export const db = process.env.DATABASE_URL;',
    'export const u = process.env.NEXT_PUBLIC_VERCEL_URL;',
    // getEnv itself
    `import { getEnv } from '@vercel/functions'; export const e = getEnv().VERCEL_ENV;`,
    // writes, typeof checks
    "process.env.VERCEL_ENV = 'preview';",
    'delete process.env.VERCEL_URL;',
    "export const onPlatform = typeof process.env.VERCEL !== 'undefined';",
    // client components read the browser bundle's env
    `'use client';
     export const Badge = () => <span>{process.env.VERCEL_ENV}</span>;`,
    // build-tool configs
    { code: 'export default { forbidOnly: !!process.env.CI };', filename: 'playwright.config.ts' },
    { code: 'module.exports = { env: { URL: process.env.VERCEL_URL } };', filename: 'next.config.js', languageOptions: cjs },
    // a local process
    'export function f(process: { env: { VERCEL_ENV: string } }) { return process.env.VERCEL_ENV; }',
    // allow-listed
    { code: 'export const ci = process.env.CI;', options: [{ allow: ['CI'] }] },
    // a project without any functions package: no advice to add one
    { code: 'export const env = process.env.VERCEL_ENV;', filename: projectWithoutFunctionsPackage('lib/env.ts') },
    // import.meta.env is the bundler's, not the server's
    'export const e = import.meta.env.VERCEL_ENV;',
  ],
  invalid: [
    {
      code: `export const isProd = process.env.VERCEL_ENV === 'production';`,
      output: `import { getEnv } from '@vercel/functions';
export const isProd = getEnv().VERCEL_ENV === 'production';`,
      errors: [{ messageId: 'preferGetEnv', data: { name: 'VERCEL_ENV' } }],
    },
    // bracket and optional syntax; existing import reused, fallback kept
    {
      code: `import { getEnv, waitUntil } from '@vercel/functions';
export const url = process.env['VERCEL_URL'] ?? process?.env?.VERCEL_BRANCH_URL ?? 'localhost:3000';
waitUntil(Promise.resolve(getEnv()));`,
      output: [
        `import { getEnv, waitUntil } from '@vercel/functions';
export const url = getEnv().VERCEL_URL ?? getEnv().VERCEL_BRANCH_URL ?? 'localhost:3000';
waitUntil(Promise.resolve(getEnv()));`,
      ],
      errors: [{ messageId: 'preferGetEnv' }, { messageId: 'preferGetEnv' }],
    },
    // import merged into an existing API import; aliased getEnv reused
    {
      code: `import { waitUntil } from '@fn-kit/functions';
waitUntil(Promise.resolve());
export const region = process.env.VERCEL_REGION;`,
      output: `import { waitUntil, getEnv } from '@fn-kit/functions';
waitUntil(Promise.resolve());
export const region = getEnv().VERCEL_REGION;`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    {
      code: `import { getEnv as env } from '@vercel/functions';
export const sha = process.env.VERCEL_GIT_COMMIT_SHA?.slice(0, 7);`,
      output: `import { getEnv as env } from '@vercel/functions';
export const sha = env().VERCEL_GIT_COMMIT_SHA?.slice(0, 7);`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    {
      code: `import * as fns from '@vercel/functions';
export const sha = process.env.VERCEL_GIT_COMMIT_SHA;`,
      output: `import * as fns from '@vercel/functions';
export const sha = fns.getEnv().VERCEL_GIT_COMMIT_SHA;`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // an existing require of getEnv is reused
    {
      code: `const { getEnv: readEnv } = require('@fn-kit/functions');
module.exports = () => [readEnv(), process.env.VERCEL_REGION];`,
      output: `const { getEnv: readEnv } = require('@fn-kit/functions');
module.exports = () => [readEnv(), readEnv().VERCEL_REGION];`,
      languageOptions: cjs,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // CommonJS (espree): require added in the file's quote style
    {
      code: `const path = require("node:path");
module.exports = () => path.join(process.env.VERCEL_URL, "x");`,
      output: `const path = require("node:path");
const { getEnv } = require("@vercel/functions");
module.exports = () => path.join(getEnv().VERCEL_URL, "x");`,
      languageOptions: cjs,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // CommonJS without any require yet: module.exports alone makes it CommonJS
    {
      code: `module.exports = () => process.env.VERCEL_REGION;`,
      output: `const { getEnv } = require('@vercel/functions');
module.exports = () => getEnv().VERCEL_REGION;`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    {
      code: `exports.region = process.env.VERCEL_REGION;`,
      output: `const { getEnv } = require('@vercel/functions');
exports.region = getEnv().VERCEL_REGION;`,
      languageOptions: cjs,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // a local getEnv: the import gets a free name
    {
      code: `function getEnv() { return 'dev'; }
export const e = [getEnv(), process.env.VERCEL_ENV];`,
      output: `import { getEnv as getEnvFn } from '@vercel/functions';
function getEnv() { return 'dev'; }
export const e = [getEnv(), getEnvFn().VERCEL_ENV];`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // destructuring: all keys are getEnv keys -> the source moves to getEnv(), one fix
    {
      code: `const { VERCEL_ENV, VERCEL_URL: url = 'localhost' } = process.env;
export { VERCEL_ENV, url };`,
      output: `import { getEnv } from '@vercel/functions';
const { VERCEL_ENV, VERCEL_URL: url = 'localhost' } = getEnv();
export { VERCEL_ENV, url };`,
      errors: [{ messageId: 'preferGetEnv' }, { messageId: 'preferGetEnv' }],
    },
    // mixed with the team's own variables: report only
    {
      code: `const { VERCEL_ENV, DATABASE_URL } = process.env;
export { VERCEL_ENV, DATABASE_URL };`,
      output: null,
      errors: [{ messageId: 'preferGetEnv', data: { name: 'VERCEL_ENV' } }],
    },
    {
      code: `const { VERCEL_ENV, ...rest } = process.env;
export { VERCEL_ENV, rest };`,
      output: null,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // aliases of process.env and node:process imports
    {
      code: `import { env } from 'node:process';
export const e = env.VERCEL_ENV;`,
      output: `import { env } from 'node:process';
import { getEnv } from '@vercel/functions';
export const e = getEnv().VERCEL_ENV;`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // JSX in a server component (no 'use client')
    {
      code: `export default function Footer() { return <footer>{process.env.VERCEL_GIT_COMMIT_REF}</footer>; }`,
      output: `import { getEnv } from '@vercel/functions';
export default function Footer() { return <footer>{getEnv().VERCEL_GIT_COMMIT_REF}</footer>; }`,
      languageOptions: jsLanguageOptions,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    {
      filename: 'footer.tsx',
      code: `'use server';
export async function deployedAt(): Promise<string | undefined> { return process.env.VERCEL_DEPLOYMENT_ID; }`,
      output: `'use server';
import { getEnv } from '@vercel/functions';
export async function deployedAt(): Promise<string | undefined> { return getEnv().VERCEL_DEPLOYMENT_ID; }`,
      errors: [{ messageId: 'preferGetEnv' }],
    },
    // a shadowing local getEnv at the use site: the API's is imported again under a free alias
    // (this was "no fix" before the import-planning audit; the shadowed binding is still never reused)
    {
      code: `import { getEnv } from '@vercel/functions';
export function f() {
  const getEnv = () => ({});
  return [getEnv(), process.env.CI];
}`,
      output: `import { getEnv, getEnv as getEnvFn } from '@vercel/functions';
export function f() {
  const getEnv = () => ({});
  return [getEnv(), getEnvFn().CI];
}`,
      errors: [{ messageId: 'preferGetEnv', data: { name: 'CI' } }],
    },
  ],
});
