import * as providers from '@aws-sdk/credential-providers';
import { awsCredentialsProvider } from '@vercel/functions/oidc';

export const legacy = providers.fromWebToken({ roleArn: 'arn:aws:iam::1:role/a', webIdentityToken: process.env.VERCEL_OIDC_TOKEN! });
export const modern = awsCredentialsProvider({ roleArn: 'arn:aws:iam::1:role/b' });
