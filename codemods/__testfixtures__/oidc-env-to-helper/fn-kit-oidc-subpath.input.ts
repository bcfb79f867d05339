import { awsCredentialsProvider } from '@fn-kit/functions/oidc';

export const credentials = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/app' });

export async function GET() {
  const token = process.env.VERCEL_OIDC_TOKEN;
  return fetch('https://api.example.com', { headers: { authorization: `Bearer ${token}` } });
}
