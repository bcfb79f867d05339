import { S3Client } from '@aws-sdk/client-s3';
import { fromWebToken } from '@aws-sdk/credential-provider-web-identity';
import { getVercelOidcToken } from '@vercel/oidc';

export async function client() {
  return new S3Client({
    region: 'us-east-1',
    credentials: fromWebToken({
      roleArn: process.env.AWS_ROLE_ARN!,
      webIdentityToken: await getVercelOidcToken(),
      roleSessionName: 'app',
    }),
  });
}
