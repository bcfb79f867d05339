import { fromTokenFile } from '@aws-sdk/credential-provider-web-identity';
import { getVercelOidcTokenSync } from '@vercel/oidc';
import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';

export async function credentials(roleArn: string) {
  const provider = awsCredentialsProvider({ roleArn });
  return [provider, fromTokenFile(), getVercelOidcTokenSync()];
}
