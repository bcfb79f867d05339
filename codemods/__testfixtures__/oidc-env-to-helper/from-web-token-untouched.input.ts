import { fromWebToken } from '@aws-sdk/credential-provider-web-identity';
import { getVercelOidcToken } from '@vercel/oidc';

const extra = { roleSessionName: 'x' };

export async function spread(roleArn: string) {
  return fromWebToken({ ...extra, roleArn, webIdentityToken: await getVercelOidcToken() });
}

export function other(roleArn: string, webIdentityToken: string) {
  return fromWebToken({ roleArn, webIdentityToken });
}
