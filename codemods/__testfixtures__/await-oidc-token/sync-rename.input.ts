import { getVercelOidcToken } from '@vercel/oidc';

export function headers() {
  return { Authorization: `Bearer ${getVercelOidcToken()}` };
}

export function check() {
  const t = getVercelOidcToken();
  return t.length > 0;
}
