import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/prefer-aws-credentials-provider.js';
import { createRuleTester, jsLanguageOptions } from './rule-tester.js';

/**
 * A throw-away project that declares the canonical provider package, so an added import
 * names it. (This repository itself has no `@vercel/oidc-aws-credentials-provider`: there
 * the choice is `@fn-kit/functions/oidc`, see the cases at the end.)
 */
const awsProject = mkdtempSync(join(tmpdir(), 'fn-kit-aws-'));
writeFileSync(
  join(awsProject, 'package.json'),
  JSON.stringify({ name: 'aws-project', dependencies: { '@vercel/oidc': '3.0.0', '@vercel/oidc-aws-credentials-provider': '3.0.0' } }),
);
process.once('exit', () => rmSync(awsProject, { recursive: true, force: true }));
type Invalid = InvalidTestCase<'fromWebToken' | 'stsCommand', []>;
const inAwsProject = (c: Invalid): Invalid => ({ filename: join(awsProject, 'file.ts'), ...c });

const ruleTester = createRuleTester();
const cjs = { ...jsLanguageOptions, parserOptions: { ...jsLanguageOptions.parserOptions, sourceType: 'script' as const } };

const FROM = { messageId: 'fromWebToken' as const };
const STS = { messageId: 'stsCommand' as const };

const fwt = `import { fromWebToken } from '@aws-sdk/credential-provider-web-identity';\n`;
const get = `import { getVercelOidcToken } from '@vercel/oidc';\n`;
const provider = `import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';\n`;

ruleTester.run('prefer-aws-credentials-provider', rule, {
  valid: [
    // The provider itself.
    `${provider}export const credentials = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/x' });`,
    // fromWebToken with some other identity token.
    `${fwt}export async function f(idToken) { return fromWebToken({ webIdentityToken: idToken, roleArn: 'arn' }); }`,
    `${fwt}export const p = fromWebToken({ webIdentityToken: process.env.GITHUB_OIDC_TOKEN, roleArn: 'arn' });`,
    // A local fromWebToken is not the AWS one.
    `${get}function fromWebToken(o) { return o; }\nexport async function f() { return fromWebToken({ webIdentityToken: await getVercelOidcToken() }); }`,
    // A shadowing local getter is not the API's.
    `${fwt}function getVercelOidcToken() { return 'x'; }\nexport async function f() { return fromWebToken({ webIdentityToken: getVercelOidcToken(), roleArn: 'a' }); }`,
    // STS with another token, or another command.
    `import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';\nnew AssumeRoleWithWebIdentityCommand({ WebIdentityToken: githubToken, RoleArn: 'a' });`,
    `${get}import { AssumeRoleCommand } from '@aws-sdk/client-sts';\nexport async function f() { return new AssumeRoleCommand({ RoleArn: 'a', WebIdentityToken: await getVercelOidcToken() }); }`,
    { code: `${provider}module.exports = awsCredentialsProvider({ roleArn: 'a' });`, languageOptions: jsLanguageOptions },
  ],
  invalid: (
    [
    // --- the canonical fix: provider import replaces the fromWebToken import, getter import removed
    {
      code: `${fwt}${get}export async function credentials() {
  return fromWebToken({
    webIdentityToken: await getVercelOidcToken(),
    roleArn: process.env.AWS_ROLE_ARN!,
    roleSessionName: 'app',
  });
}`,
      output: `${provider.trimEnd()}
export async function credentials() {
  return awsCredentialsProvider({
    roleArn: process.env.AWS_ROLE_ARN!,
    roleSessionName: 'app',
  });
}`,
      errors: [{ ...FROM, line: 4, column: 10 }],
    },
    // imports in the other order
    {
      code: `${get}${fwt}export const creds = async () => fromWebToken({ roleArn: 'a', webIdentityToken: await getVercelOidcToken() })();`,
      output: `${provider}export const creds = async () => awsCredentialsProvider({ roleArn: 'a' })();`,
      errors: [FROM],
    },
    // the getter is still used elsewhere: its import stays; other properties are kept as written
    {
      code: `${fwt}${get}export async function f() {
  const c = fromWebToken({ clientConfig: { region: 'us-east-1' }, webIdentityToken: await getVercelOidcToken(), roleArn: 'a', durationSeconds: 900, });
  return [c, await getVercelOidcToken()];
}`,
      output: `${provider}${get}export async function f() {
  const c = awsCredentialsProvider({ clientConfig: { region: 'us-east-1' }, roleArn: 'a', durationSeconds: 900, });
  return [c, await getVercelOidcToken()];
}`,
      errors: [FROM],
    },
    // fromWebToken still used for something else: its import stays, the provider import is added
    {
      code: `${fwt}${get}export async function f(other) {
  return [fromWebToken({ webIdentityToken: await getVercelOidcToken(), roleArn: 'a' }), fromWebToken({ webIdentityToken: other, roleArn: 'b' })];
}`,
      output: `${fwt}${provider}export async function f(other) {
  return [awsCredentialsProvider({ roleArn: 'a' }), fromWebToken({ webIdentityToken: other, roleArn: 'b' })];
}`,
      errors: [FROM],
    },
    // sync getter, aliased imports, the credential-providers bundle
    {
      code: `import { fromWebToken as web } from '@aws-sdk/credential-providers';
import { getVercelOidcTokenSync as tok } from '@vercel/functions/oidc';
export const credentials = web({ webIdentityToken: tok(), roleArn: 'a' });`,
      output: `${provider.trimEnd()}
export const credentials = awsCredentialsProvider({ roleArn: 'a' });`,
      errors: [FROM],
    },
    // namespace imports; an existing awsCredentialsProvider binding from an API module is reused
    {
      code: `import * as wi from '@aws-sdk/credential-provider-web-identity';
import * as oidc from '@fn-kit/functions/oidc';
export async function f() { return wi.fromWebToken({ webIdentityToken: await oidc.getVercelOidcToken(), roleArn: 'a' }); }`,
      output: `import * as oidc from '@fn-kit/functions/oidc';
export async function f() { return oidc.awsCredentialsProvider({ roleArn: 'a' }); }`,
      errors: [FROM],
    },
    // the env var as the token; merge into an existing provider-module import
    {
      code: `import type { AwsCredentialsProviderInit } from '@vercel/oidc-aws-credentials-provider';
import {} from '@vercel/oidc-aws-credentials-provider';
${fwt}export const c = fromWebToken({ webIdentityToken: process.env.VERCEL_OIDC_TOKEN!, roleArn: 'a' } satisfies Partial<AwsCredentialsProviderInit> as any);`,
      output: `import type { AwsCredentialsProviderInit } from '@vercel/oidc-aws-credentials-provider';
import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';
export const c = awsCredentialsProvider({ roleArn: 'a' } satisfies Partial<AwsCredentialsProviderInit> as any);`,
      errors: [FROM],
    },
    {
      code: `${fwt}export const c = fromWebToken({ webIdentityToken: process.env.VERCEL_OIDC_TOKEN, roleArn: 'a' });`,
      output: `${provider}export const c = awsCredentialsProvider({ roleArn: 'a' });`,
      errors: [FROM],
    },
    // CommonJS require forms
    {
      code: `const { fromWebToken } = require('@aws-sdk/credential-provider-web-identity');
const { getVercelOidcToken } = require('@vercel/oidc');
module.exports = async () => fromWebToken({ webIdentityToken: await getVercelOidcToken(), roleArn: 'a' });`,
      output: `const { awsCredentialsProvider } = require('@vercel/oidc-aws-credentials-provider');
module.exports = async () => awsCredentialsProvider({ roleArn: 'a' });`,
      languageOptions: cjs,
      errors: [FROM],
    },
    // --- reported, no fix: a local holding the token, spreads, computed keys, getter arguments
    {
      code: `${fwt}${get}export async function f() { const token = await getVercelOidcToken(); return fromWebToken({ webIdentityToken: token, roleArn: 'a' }); }`,
      output: null,
      errors: [FROM],
    },
    {
      code: `${fwt}${get}export async function f(base) { return fromWebToken({ ...base, webIdentityToken: await getVercelOidcToken() }); }`,
      output: null,
      errors: [FROM],
    },
    {
      code: `${fwt}${get}const k = 'roleArn';\nexport async function f() { return fromWebToken({ [k]: 'a', webIdentityToken: await getVercelOidcToken() }); }`,
      output: null,
      errors: [FROM],
    },
    {
      code: `${fwt}${get}export async function f() { return fromWebToken({ webIdentityToken: await getVercelOidcToken({ team: 't' } as never), roleArn: 'a' }); }`,
      output: null,
      errors: [FROM],
    },
    // --- STS by hand: reported, never fixed
    {
      code: `import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
${get}export async function f() {
  const sts = new STSClient({});
  return sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'a', RoleSessionName: 's', WebIdentityToken: await getVercelOidcToken() }));
}`,
      output: null,
      errors: [{ ...STS, line: 5, column: 19 }],
    },
    {
      code: `const sts = require('@aws-sdk/client-sts');
module.exports = (req) => new sts.AssumeRoleWithWebIdentityCommand({ WebIdentityToken: req.headers['x-vercel-oidc-token'] });`,
      output: null,
      languageOptions: cjs,
      errors: [STS],
    },
    {
      code: `import { STS } from '@aws-sdk/client-sts';
export async function f() { return new STS({}).assumeRoleWithWebIdentity({ RoleArn: 'a', WebIdentityToken: process.env.VERCEL_OIDC_TOKEN }); }`,
      output: null,
      errors: [STS],
    },
    ] satisfies InvalidTestCase<'fromWebToken' | 'stsCommand', []>[]
  )
    .map(inAwsProject)
    .concat([
      // In this repository (fn-kit and @vercel/oidc, no provider package): the provider comes from fn-kit's /oidc entry.
      {
        code: `${fwt}${get}export const p = fromWebToken({ webIdentityToken: await getVercelOidcToken(), roleArn: 'a' });`,
        output: `import { awsCredentialsProvider } from '@fn-kit/functions/oidc';\nexport const p = awsCredentialsProvider({ roleArn: 'a' });`,
        errors: [FROM],
      },
      // A file on fn-kit: the /oidc subpath of the package it imports, even where the canonical package resolves.
      {
        filename: join(awsProject, 'file.ts'),
        code: `import { waitUntil } from '@fn-kit/functions';\n${fwt}${get}waitUntil(Promise.resolve());\nexport const p = fromWebToken({ webIdentityToken: await getVercelOidcToken(), roleArn: 'a' });`,
        output: `import { waitUntil } from '@fn-kit/functions';\nimport { awsCredentialsProvider } from '@fn-kit/functions/oidc';\nwaitUntil(Promise.resolve());\nexport const p = awsCredentialsProvider({ roleArn: 'a' });`,
        errors: [FROM],
      },
      // An existing provider import hidden by a nested local of the same name: imported again under a free alias.
      {
        filename: join(awsProject, 'file.ts'),
        code: `${provider}${fwt}${get}export const keep = awsCredentialsProvider;
export async function f() {
  const awsCredentialsProvider = 1;
  return [awsCredentialsProvider, fromWebToken({ webIdentityToken: await getVercelOidcToken(), roleArn: 'a' })];
}`,
        output: `import { awsCredentialsProvider, awsCredentialsProvider as awsCredentialsProviderFn } from '@vercel/oidc-aws-credentials-provider';
export const keep = awsCredentialsProvider;
export async function f() {
  const awsCredentialsProvider = 1;
  return [awsCredentialsProvider, awsCredentialsProviderFn({ roleArn: 'a' })];
}`,
        errors: [FROM],
      },
    ]),
});
