import { S3Client } from '@aws-sdk/client-s3';
import { getVercelOidcTokenSync } from '@vercel/oidc';

const token = getVercelOidcTokenSync();

export const client = new S3Client({ token });
