import type { AwsCredentialsProviderInit } from '@vercel/oidc-aws-credentials-provider';
import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';

export function provider(init: AwsCredentialsProviderInit) {
  return awsCredentialsProvider(init);
}
