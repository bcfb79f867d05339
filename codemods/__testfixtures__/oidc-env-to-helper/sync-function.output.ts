import { getVercelOidcTokenSync } from '@vercel/oidc';

export function authHeaders(): Record<string, string> {
  return { Authorization: 'Bearer ' + getVercelOidcTokenSync() };
}
