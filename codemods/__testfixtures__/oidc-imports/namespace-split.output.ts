import * as oidc from '@vercel/oidc';
import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';

export const credentials = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/x' });

export async function token(): Promise<string> {
  return oidc.getVercelOidcToken();
}
