import { getVercelOidcToken } from '@vercel/oidc';

export function headers() {
  return { Authorization: 'Bearer ' + getVercelOidcToken() };
}

export async function later() {
  return getVercelOidcToken();
}
