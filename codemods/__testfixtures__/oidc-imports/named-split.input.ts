// Exchanges the deployment's token for AWS credentials.
import { getVercelOidcToken, awsCredentialsProvider as aws } from '@vercel/functions/oidc';
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({ credentials: aws({ roleArn: process.env.AWS_ROLE_ARN! }) });

export async function token() {
  return getVercelOidcToken();
}
