export { getVercelOidcToken, awsCredentialsProvider } from '@vercel/functions/oidc';
