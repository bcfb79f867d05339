import { S3Client } from '@aws-sdk/client-s3';
import { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';

export async function client() {
  return new S3Client({
    region: 'us-east-1',
    credentials: awsCredentialsProvider({
      roleArn: process.env.AWS_ROLE_ARN!,
      roleSessionName: 'app',
    }),
  });
}
