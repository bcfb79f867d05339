/** Facts about the OIDC token and the AWS credential exchange. */
import { OIDC_TOKEN_HEADER } from './headers.js';

export const OIDC_FACTS = {
  header: OIDC_TOKEN_HEADER,
  envVar: 'VERCEL_OIDC_TOKEN',
  fileEnvVar: 'VERCEL_OIDC_TOKEN_FILE',
  asyncGetter: 'getVercelOidcToken',
  syncGetter: 'getVercelOidcTokenSync',
  awsProvider: 'awsCredentialsProvider',
  /** The optional peer `awsCredentialsProvider` delegates to. */
  awsWebIdentityPackage: '@aws-sdk/credential-provider-web-identity',
  awsFromWebToken: 'fromWebToken',
  /** STS commands that take a web identity token. */
  stsAssumeRoleCommand: 'AssumeRoleWithWebIdentityCommand',
  stsClientPackage: '@aws-sdk/client-sts',
  /** How a developer gets a token locally. */
  localHowTo: 'run `vercel env pull` to write VERCEL_OIDC_TOKEN into .env.local',
  awsDefaultDurationSeconds: 3600,
} as const;

/** The global key under which the platform publishes its per-request context. */
export const REQUEST_CONTEXT_SYMBOL_KEY = '@vercel/request-context';

/**
 * The AWS web-identity exchange as hand-rolled code writes it, for the rules that
 * suggest `awsCredentialsProvider` instead.
 */
export const AWS_WEB_IDENTITY_FACTS = {
  /** Modules exporting `fromWebToken`: the provider package and the credential-providers bundle. */
  fromWebTokenModules: [OIDC_FACTS.awsWebIdentityPackage, '@aws-sdk/credential-providers'],
  /** The `fromWebToken` option that carries the token. */
  tokenOption: 'webIdentityToken',
  /** The STS `AssumeRoleWithWebIdentity` input field that carries the token. */
  stsTokenParam: 'WebIdentityToken',
} as const;
