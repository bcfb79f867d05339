import type { AwsCredentialsProviderInit } from '@vercel/functions/oidc';
import { awsCredentialsProvider } from '@vercel/functions/oidc';

export function provider(init: AwsCredentialsProviderInit) {
  return awsCredentialsProvider(init);
}
