import { getVercelOidcToken as oidcToken } from '@vercel/functions/oidc';
import { getVercelOidcTokenSync } from '@vercel/oidc';

export async function a() {
  return [await oidcToken(), await oidcToken()];
}

export function b() {
  return getVercelOidcTokenSync();
}
