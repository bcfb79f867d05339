import { fromWebToken as web, fromTokenFile } from '@aws-sdk/credential-provider-web-identity';
import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';

export async function credentials(roleArn: string) {
  const token = await getVercelOidcToken();
  const provider = web({ roleArn, webIdentityToken: token });
  return [provider, fromTokenFile(), getVercelOidcTokenSync()];
}
