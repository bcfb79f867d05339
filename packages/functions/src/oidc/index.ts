/**
 * `@fn-kit/functions/oidc`: the Vercel OIDC token getters and an AWS credential
 * provider built on them.
 */
export { getVercelOidcToken, getVercelOidcTokenSync } from './token.js';
export { awsCredentialsProvider } from './aws-credentials-provider.js';
export { VercelOidcTokenError, type OidcTokenErrorCode } from './oidc-token-error.js';
export type {
  AssumeRoleWithWebIdentityParams,
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  AwsCredentialsProviderInit,
} from './aws-types.js';
