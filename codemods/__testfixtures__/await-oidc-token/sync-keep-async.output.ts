import { getVercelOidcToken, getVercelOidcTokenSync } from '@vercel/oidc';

export function headers() {
  return { Authorization: 'Bearer ' + getVercelOidcTokenSync() };
}

export async function later() {
  return getVercelOidcToken();
}
