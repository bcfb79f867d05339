import { awsCredentialsProvider, getVercelOidcToken } from '@fn-kit/functions/oidc';

export const credentials = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/app' });

export async function GET() {
  const token = await getVercelOidcToken();
  return fetch('https://api.example.com', { headers: { authorization: `Bearer ${token}` } });
}
