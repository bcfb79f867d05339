import * as oidc from '@fn-kit/functions/oidc';

export async function a() {
  const t = oidc.getVercelOidcTokenSync();
  return [t, await oidc.getVercelOidcToken()];
}
