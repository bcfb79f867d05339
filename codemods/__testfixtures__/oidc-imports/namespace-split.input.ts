import * as oidc from '@vercel/functions/oidc';

export const credentials = oidc.awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/x' });

export async function token(): Promise<string> {
  return oidc.getVercelOidcToken();
}
