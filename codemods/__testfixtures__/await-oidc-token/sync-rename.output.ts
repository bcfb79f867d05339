import { getVercelOidcTokenSync } from '@vercel/oidc';

export function headers() {
  return { Authorization: `Bearer ${getVercelOidcTokenSync()}` };
}

export function check() {
  const t = getVercelOidcTokenSync();
  return t.length > 0;
}
