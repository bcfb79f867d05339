import { describe, expect, it } from 'vitest';
import { KNOWN_SYSTEM_ENV_NAMES } from '../../lib/catalog.js';
import rule, { closestSystemEnvName, editDistance, nearMissScore } from '../../rules/no-unknown-system-env.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['VERCEL_REGION', 'VERCEL_REGION', 0],
    ['VERCEL_REGON', 'VERCEL_REGION', 1],
    ['VERCEL_REGOIN', 'VERCEL_REGION', 1],
    ['VERCEL_EVN', 'VERCEL_ENV', 1],
    ['VERCEL_RUN', 'VERCEL_URL', 2],
    ['ab', 'ba', 1],
    ['ca', 'abc', 3],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  it('stops early beyond max', () => {
    expect(editDistance('VERCEL_TOKEN', 'VERCEL_ENV', 1)).toBe(2);
    expect(editDistance('A', 'ABCDEFG', 2)).toBe(3);
  });
});

describe('closestSystemEnvName', () => {
  it.each([
    ['VERCEL_REGON', 'VERCEL_REGION'],
    ['VERCEL_GIT_COMMIT_SHAA', 'VERCEL_GIT_COMMIT_SHA'],
    ['VERCEL_DEPLOYMENTID', 'VERCEL_DEPLOYMENT_ID'],
    ['VERCEL_URL_BRANCH', 'VERCEL_BRANCH_URL'],
    ['VERCEL_COMMIT_SHA', 'VERCEL_GIT_COMMIT_SHA'],
    ['VERCEL_PULL_REQUEST_ID', 'VERCEL_GIT_PULL_REQUEST_ID'],
    ['VERCEL_GIT_COMMIT_REFF', 'VERCEL_GIT_COMMIT_REF'],
    ['VERCEL_PROJECT_PRODUCTON_URL', 'VERCEL_PROJECT_PRODUCTION_URL'],
    ['vercel_env', 'VERCEL_ENV'],
    ['VERCLE_URL', 'VERCEL_URL'],
    ['VERCEL_EVN', 'VERCEL_ENV'],
    ['NEXT_PUBLIC_VERCEL_URLS', 'NEXT_PUBLIC_VERCEL_URL'],
    ['NEXT_PUBLIC_VERCEL_GIT_COMIT_SHA', 'NEXT_PUBLIC_VERCEL_GIT_COMMIT_SHA'],
    ['VERCEL_OIDC_TOKN', 'VERCEL_OIDC_TOKEN'],
  ])('%s -> %s', (name, expected) => {
    expect(closestSystemEnvName(name)).toBe(expected);
  });

  it.each([
    // a team's own variables
    'VERCEL_TOKEN',
    'VERCEL_ORG_ID',
    'VERCEL_PROJECT_NAME',
    'VERCEL_TEAM_ID',
    'VERCEL_API_TOKEN',
    'VERCEL_ACCESS_TOKEN',
    'VERCEL_WEBHOOK_SECRET',
    'VERCEL_GIT_COMMIT_AUTHOR_EMAIL',
    'VERCEL_FORCE_NO_BUILD_CACHE',
    'VERCEL_ANALYTICS_ID',
    // a longer, different name is not a typo of VERCEL_ENV
    'VERCEL_ENVIRONMENT',
    // short names: two edits is a different word
    'VERCEL_RUN',
    'VERCEL_KEY',
    // other prefixes are out of scope
    'DATABASE_URL',
    'CX',
    'NEXT_PUBLIC_API_URL',
    'NEXT_PUBLIC_VERCEL_REGION',
  ])('%s is not a near miss', (name) => {
    expect(closestSystemEnvName(name)).toBeUndefined();
  });

  it('never reports a catalog name', () => {
    for (const name of KNOWN_SYSTEM_ENV_NAMES) expect(closestSystemEnvName(name)).toBeUndefined();
  });

  it('prefers a case-only difference over an edit', () => {
    expect(nearMissScore('Vercel_Url', 'VERCEL_URL')).toBe(0);
    expect(nearMissScore('VERCEL_URLS', 'VERCEL_URL')).toBe(1);
  });
});

const ruleTester = createRuleTester();

ruleTester.run('no-unknown-system-env', rule, {
  valid: [
    'export const r = process.env.VERCEL_REGION;',
    'export const t = process.env.VERCEL_TOKEN;',
    'export const u = process.env.NEXT_PUBLIC_VERCEL_URL;',
    'const { VERCEL_ENV, VERCEL_ORG_ID } = process.env;',
    // writes are not reads
    "process.env.VERCEL_REGON = 'iad1';",
    'delete process.env.VERCEL_REGON;',
    // a local process
    'export function f(process: { env: Record<string, string> }) { return process.env.VERCEL_REGON; }',
    "import process from './fake-process'; export const r = process.env.VERCEL_REGON;",
    // allow-listed
    { code: 'export const r = process.env.VERCEL_REGON;', options: [{ allow: ['VERCEL_REGON'] }] },
    // dynamic names
    'export const read = (k: string) => process.env[`VERCEL_${k}`];',
  ],
  invalid: [
    {
      code: 'export const r = process.env.VERCEL_REGON;',
      errors: [
        {
          messageId: 'unknownSystemEnv',
          data: { name: 'VERCEL_REGON', suggestion: 'VERCEL_REGION' },
          column: 30,
          suggestions: [{ messageId: 'useSystemEnv', output: 'export const r = process.env.VERCEL_REGION;' }],
        },
      ],
    },
    {
      code: `export const r = process.env["VERCEL_DEPLOYMENTID"] ?? process?.env?.VERCEL_GIT_COMMIT_SHAA;`,
      errors: [
        {
          messageId: 'unknownSystemEnv',
          suggestions: [
            { messageId: 'useSystemEnv', output: `export const r = process.env["VERCEL_DEPLOYMENT_ID"] ?? process?.env?.VERCEL_GIT_COMMIT_SHAA;` },
          ],
        },
        {
          messageId: 'unknownSystemEnv',
          suggestions: [
            { messageId: 'useSystemEnv', output: `export const r = process.env["VERCEL_DEPLOYMENTID"] ?? process?.env?.VERCEL_GIT_COMMIT_SHA;` },
          ],
        },
      ],
    },
    // destructuring: shorthand keeps the local name, alias and default kept
    {
      code: `const { VERCEL_URL_BRANCH, VERCEL_REGON: region = 'dev1', VERCEL_EVN = 'development' } = process.env;`,
      errors: [
        {
          messageId: 'unknownSystemEnv',
          data: { name: 'VERCEL_URL_BRANCH', suggestion: 'VERCEL_BRANCH_URL' },
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `const { VERCEL_BRANCH_URL: VERCEL_URL_BRANCH, VERCEL_REGON: region = 'dev1', VERCEL_EVN = 'development' } = process.env;`,
            },
          ],
        },
        {
          messageId: 'unknownSystemEnv',
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `const { VERCEL_URL_BRANCH, VERCEL_REGION: region = 'dev1', VERCEL_EVN = 'development' } = process.env;`,
            },
          ],
        },
        {
          messageId: 'unknownSystemEnv',
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `const { VERCEL_URL_BRANCH, VERCEL_REGON: region = 'dev1', VERCEL_ENV: VERCEL_EVN = 'development' } = process.env;`,
            },
          ],
        },
      ],
    },
    // aliases of process.env, node:process imports, JS (espree)
    {
      code: `import { env } from 'node:process';
const e = process.env;
export const a = [env.VERCEL_URLL, e.vercel_env];`,
      languageOptions: jsLanguageOptions,
      errors: [
        {
          messageId: 'unknownSystemEnv',
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `import { env } from 'node:process';
const e = process.env;
export const a = [env.VERCEL_URL, e.vercel_env];`,
            },
          ],
        },
        {
          messageId: 'unknownSystemEnv',
          data: { name: 'vercel_env', suggestion: 'VERCEL_ENV' },
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `import { env } from 'node:process';
const e = process.env;
export const a = [env.VERCEL_URLL, e.VERCEL_ENV];`,
            },
          ],
        },
      ],
    },
    {
      code: `import proc from 'node:process';
const { env: { VERCEL_REGON } } = process;
export const x = proc.env.VERCEL_REGON;`,
      errors: [
        {
          messageId: 'unknownSystemEnv',
          line: 2,
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `import proc from 'node:process';
const { env: { VERCEL_REGION: VERCEL_REGON } } = process;
export const x = proc.env.VERCEL_REGON;`,
            },
          ],
        },
        {
          messageId: 'unknownSystemEnv',
          line: 3,
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `import proc from 'node:process';
const { env: { VERCEL_REGON } } = process;
export const x = proc.env.VERCEL_REGION;`,
            },
          ],
        },
      ],
    },
    // JSX and TSX
    {
      code: `export const Banner = () => <p>{process.env.NEXT_PUBLIC_VERCEL_ENVV}</p>;`,
      languageOptions: jsLanguageOptions,
      errors: [
        {
          messageId: 'unknownSystemEnv',
          data: { name: 'NEXT_PUBLIC_VERCEL_ENVV', suggestion: 'NEXT_PUBLIC_VERCEL_ENV' },
          suggestions: [{ messageId: 'useSystemEnv', output: `export const Banner = () => <p>{process.env.NEXT_PUBLIC_VERCEL_ENV}</p>;` }],
        },
      ],
    },
    {
      filename: 'banner.tsx',
      code: `export const Banner = ({ x }: { x: string }) => <p title={x}>{process.env.VERCEL_GIT_COMMIT_SHA_}</p>;`,
      errors: [
        {
          messageId: 'unknownSystemEnv',
          suggestions: [
            {
              messageId: 'useSystemEnv',
              output: `export const Banner = ({ x }: { x: string }) => <p title={x}>{process.env.VERCEL_GIT_COMMIT_SHA}</p>;`,
            },
          ],
        },
      ],
    },
    // typeof is still a read; import.meta.env too
    {
      code: `export const has = typeof process.env.VERCEL_REGON !== 'undefined' || import.meta.env.VERCEL_REGON;`,
      errors: [0, 1].map((i) => ({
        messageId: 'unknownSystemEnv' as const,
        suggestions: [
          {
            messageId: 'useSystemEnv' as const,
            output:
              i === 0
                ? `export const has = typeof process.env.VERCEL_REGION !== 'undefined' || import.meta.env.VERCEL_REGON;`
                : `export const has = typeof process.env.VERCEL_REGON !== 'undefined' || import.meta.env.VERCEL_REGION;`,
          },
        ],
      })),
    },
    // destructuring assignment
    {
      code: `let r; ({ VERCEL_REGON: r } = process.env);`,
      errors: [{ messageId: 'unknownSystemEnv', suggestions: [{ messageId: 'useSystemEnv', output: `let r; ({ VERCEL_REGION: r } = process.env);` }] }],
    },
  ],
});
