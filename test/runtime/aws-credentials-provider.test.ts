/**
 * awsCredentialsProvider end to end without network: the real `fromWebToken` of the
 * installed `@aws-sdk/credential-provider-web-identity` calls a fake role assumer.
 */
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withRequestContext } from '@fn-kit/functions';
import { awsCredentialsProvider, type AssumeRoleWithWebIdentityParams } from '@fn-kit/functions/oidc';
import { OIDC_FACTS } from '@fn-kit/functions/catalog';
import { createAwsCredentialsProvider } from '../../packages/functions/src/oidc/aws-credentials-provider.js';
import { createWebIdentityLoader } from '../../packages/functions/src/oidc/load-web-identity.js';
import { inOneHour, jwt, tokenFile, type TokenFile } from './helpers/oidc.js';

const require = createRequire(import.meta.url);
const roleArn = 'arn:aws:iam::123456789012:role/fn-kit-test';
let file: TokenFile;

function fakeAssumer() {
  const calls: AssumeRoleWithWebIdentityParams[] = [];
  return {
    calls,
    assume: async (params: AssumeRoleWithWebIdentityParams) => {
      calls.push(params);
      return {
        accessKeyId: `AKIA${calls.length}`,
        secretAccessKey: 'secret',
        sessionToken: 'session',
        expiration: new Date(Date.now() + 3_600_000),
      };
    },
  };
}

beforeEach(() => {
  vi.stubEnv(OIDC_FACTS.envVar, undefined);
  vi.stubEnv(OIDC_FACTS.fileEnvVar, undefined);
  file = tokenFile();
});
afterEach(() => {
  vi.unstubAllEnvs();
  file.remove();
});

describe('awsCredentialsProvider', () => {
  it('passes a fresh token and the options to fromWebToken on every call', async () => {
    const sts = fakeAssumer();
    const provider = awsCredentialsProvider({
      roleArn,
      roleAssumerWithWebIdentity: sts.assume,
      roleSessionName: 'fn-kit-session',
      providerId: 'example.test',
      policyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      policy: '{"Version":"2012-10-17"}',
    });
    const first = jwt({ n: 1, exp: inOneHour() }, 'first');
    const second = jwt({ n: 2, exp: inOneHour() }, 'second');

    vi.stubEnv(OIDC_FACTS.envVar, first);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIA1', sessionToken: 'session' });
    vi.stubEnv(OIDC_FACTS.envVar, second);
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIA2' });

    expect(sts.calls).toEqual([
      {
        RoleArn: roleArn,
        RoleSessionName: 'fn-kit-session',
        WebIdentityToken: first,
        ProviderId: 'example.test',
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
        Policy: '{"Version":"2012-10-17"}',
        DurationSeconds: OIDC_FACTS.awsDefaultDurationSeconds,
      },
      expect.objectContaining({ WebIdentityToken: second }),
    ]);
    expect(OIDC_FACTS.awsDefaultDurationSeconds).toBe(3600);
  });

  it('uses the request header inside a request context and the token file when set', async () => {
    const sts = fakeAssumer();
    const provider = awsCredentialsProvider({ roleArn, roleAssumerWithWebIdentity: sts.assume, durationSeconds: 900 });
    const fromHeader = jwt({ exp: inOneHour() }, 'header');
    const fromFile = jwt({ exp: inOneHour() }, 'file');
    const handler = withRequestContext(async () => {
      await provider();
      return new Response(null);
    });
    await handler(new Request('https://example.test/', { headers: { [OIDC_FACTS.header]: fromHeader } }));
    vi.stubEnv(OIDC_FACTS.fileEnvVar, file.path);
    file.write(fromFile);
    await provider();
    expect(sts.calls.map((c) => [c.WebIdentityToken, c.DurationSeconds])).toEqual([
      [fromHeader, 900],
      [fromFile, 900],
    ]);
    expect(sts.calls[0]?.RoleSessionName).toMatch(/^aws-sdk-js-session-\d+$/);
  });

  it('fails with the token error when there is no token, without calling STS', async () => {
    const sts = fakeAssumer();
    await expect(awsCredentialsProvider({ roleArn, roleAssumerWithWebIdentity: sts.assume })()).rejects.toThrow(
      /^The 'x-vercel-oidc-token' header is missing from the request\. No Vercel OIDC token found/,
    );
    expect(sts.calls).toEqual([]);
  });

  it('rejects a missing roleArn up front', () => {
    expect(() => awsCredentialsProvider({} as never)).toThrow(/roleArn .* must be a non-empty string, got undefined/);
    expect(() => awsCredentialsProvider(null as never)).toThrow(/expects an options object with roleArn, got null/);
  });

  it('says clearly when the optional peer is not installed', async () => {
    vi.stubEnv(OIDC_FACTS.envVar, jwt({ exp: inOneHour() }));
    // A real resolution failure: the same import, of a name that is not installed.
    const notInstalled = createWebIdentityLoader(async (specifier) => require(`${specifier}-not-installed`));
    const provider = createAwsCredentialsProvider({ roleArn }, notInstalled);
    await expect(provider()).rejects.toMatchObject({
      code: 'ERR_FN_KIT_MISSING_PEER',
      message: `package '${OIDC_FACTS.awsWebIdentityPackage}' not found. awsCredentialsProvider() needs the optional peer dependency ${OIDC_FACTS.awsWebIdentityPackage}, which is not installed. Install it next to @fn-kit/functions: npm install ${OIDC_FACTS.awsWebIdentityPackage}`,
    });
  });

  it('does not disguise other load failures as a missing peer', async () => {
    const broken = createWebIdentityLoader(async () => {
      throw new SyntaxError('Unexpected token in the peer');
    });
    await expect(createAwsCredentialsProvider({ roleArn }, broken)()).rejects.toThrow(SyntaxError);
    const wrongShape = createWebIdentityLoader(async () => ({}));
    await expect(createAwsCredentialsProvider({ roleArn }, wrongShape)()).rejects.toThrow(/does not export fromWebToken\(\)/);
  });
});
