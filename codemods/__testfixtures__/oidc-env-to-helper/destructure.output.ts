import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';

export async function token() {
  const VERCEL_OIDC_TOKEN = await getVercelOidcToken();
  return VERCEL_OIDC_TOKEN;
}

export const header = () => {
  const jwt = getVercelOidcTokenSync();
  return `Bearer ${jwt}`;
};
