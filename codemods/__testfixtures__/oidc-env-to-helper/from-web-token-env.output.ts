import { awsCredentialsProvider } from '@vercel/functions/oidc';

export const legacy = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/a' });
export const modern = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/b' });
