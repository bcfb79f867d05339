export { getVercelOidcToken } from '@vercel/oidc';
export { awsCredentialsProvider } from '@vercel/oidc-aws-credentials-provider';
