import { waitUntil } from '@fn-kit/functions';
import { awsCredentialsProvider, getVercelOidcToken } from '@fn-kit/functions/oidc';

export async function POST() {
  waitUntil(fetch('https://example.com/log'));
  const credentials = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/app' });
  return Response.json({ token: await getVercelOidcToken(), credentials });
}
