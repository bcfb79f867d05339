import { S3Client } from '@aws-sdk/client-s3';

const token = process.env.VERCEL_OIDC_TOKEN;

export const client = new S3Client({ token });
