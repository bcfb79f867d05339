/**
 * Structural AWS types, so that the package's declarations do not depend on the optional
 * AWS peer (they match `@smithy/types` and `@aws-sdk/credential-provider-web-identity`).
 */

export interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly credentialScope?: string;
  readonly accountId?: string;
  readonly expiration?: Date;
}

/** An AWS SDK credential provider: pass it as `credentials` to any AWS client. */
export type AwsCredentialIdentityProvider = (
  identityProperties?: Record<string, unknown>,
) => Promise<AwsCredentialIdentity>;

/** The input of STS `AssumeRoleWithWebIdentity`, as `fromWebToken` hands it to a role assumer. */
export interface AssumeRoleWithWebIdentityParams {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  ProviderId?: string;
  PolicyArns?: { arn?: string }[];
  Policy?: string;
  DurationSeconds?: number;
}

export interface AwsCredentialsProviderInit {
  /** ARN of the IAM role to assume. */
  roleArn: string;
  /** STS client configuration overriding the defaults (region, ...). */
  clientConfig?: object;
  /** STS client middleware plugins. */
  clientPlugins?: readonly unknown[];
  /** Assumes the role with the token (default: an STS client); for tests and custom STS. */
  roleAssumerWithWebIdentity?: (params: AssumeRoleWithWebIdentityParams) => Promise<AwsCredentialIdentity>;
  /** Identifier of the assumed role session (default: chosen by the AWS SDK). */
  roleSessionName?: string;
  /** Host of the identity provider, for OAuth 2.0 access tokens only. */
  providerId?: string;
  /** ARNs of IAM managed policies to use as session policies. */
  policyArns?: { arn?: string }[];
  /** An inline IAM session policy (JSON). */
  policy?: string;
  /** Session duration in seconds. Default 3600. */
  durationSeconds?: number;
  /** AWS SDK logger, passed through. */
  logger?: object;
  /** Parent client configuration, passed through. */
  parentClientConfig?: object;
}
