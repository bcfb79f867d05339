import { getVercelOidcToken } from '@vercel/oidc';

export async function call() {
  const token = await getVercelOidcToken();
  return fetch('https://api.example.com', { headers: { Authorization: `Bearer ${token}` } });
}

export async function twice() {
  const token = await getVercelOidcToken();
  const again = await token;
  return token + again;
}
