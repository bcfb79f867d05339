import { getVercelOidcToken } from '@vercel/oidc';

export async function mixed(log: (v: unknown) => void) {
  const token = getVercelOidcToken();
  token.then(log);
  return `${token}`;
}

export async function reassigned() {
  let token = getVercelOidcToken();
  token = Promise.resolve('x');
  return `${token}`;
}
