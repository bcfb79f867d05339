import { OIDC_FACTS } from '../catalog/index.js';
import type { AwsCredentialIdentityProvider, AwsCredentialsProviderInit } from './aws-types.js';
import { loadWebIdentity, type WebIdentityLoader } from './load-web-identity.js';
import { withoutToken } from './redact.js';
import { getVercelOidcToken } from './token.js';

function checkedInit(init: AwsCredentialsProviderInit): AwsCredentialsProviderInit {
  if (typeof init !== 'object' || init === null) {
    throw new TypeError(`awsCredentialsProvider expects an options object with roleArn, got ${init === null ? 'null' : typeof init}`);
  }
  if (typeof init.roleArn !== 'string' || init.roleArn === '') {
    throw new TypeError(
      `awsCredentialsProvider: roleArn (the ARN of the IAM role to assume) must be a non-empty string, got ${typeof init.roleArn}`,
    );
  }
  return init;
}

/** `awsCredentialsProvider` with an injectable loader for the AWS peer (internal; tests). */
export function createAwsCredentialsProvider(
  init: AwsCredentialsProviderInit,
  load: WebIdentityLoader,
): AwsCredentialIdentityProvider {
  const options = checkedInit(init);
  return async (identityProperties) => {
    const { fromWebToken } = await load();
    const token = await getVercelOidcToken();
    try {
      return await fromWebToken({
        ...options,
        durationSeconds: options.durationSeconds ?? OIDC_FACTS.awsDefaultDurationSeconds,
        webIdentityToken: token,
      })(identityProperties);
    } catch (error) {
      throw withoutToken(error, token);
    }
  };
}

/**
 * An AWS credential provider that assumes `roleArn` with the Vercel OIDC token. Every
 * call reads a fresh token ({@link getVercelOidcToken}) and exchanges it through
 * `fromWebToken` of `@aws-sdk/credential-provider-web-identity`, an optional peer
 * dependency loaded on first call (a clear error says so when it is missing).
 *
 * @example
 * ```ts
 * const s3 = new S3Client({ credentials: awsCredentialsProvider({ roleArn: process.env.AWS_ROLE_ARN! }) });
 * ```
 */
export function awsCredentialsProvider(init: AwsCredentialsProviderInit): AwsCredentialIdentityProvider {
  return createAwsCredentialsProvider(init, loadWebIdentity);
}
