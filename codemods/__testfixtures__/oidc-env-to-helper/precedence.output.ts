import { getVercelOidcToken } from '@vercel/oidc';

export async function inspect() {
  const parts = (await getVercelOidcToken()).split('.');
  const size = (await getVercelOidcToken()).length;
  const trimmed = (await getVercelOidcToken())?.trim();
  const plain = await getVercelOidcToken();
  return { parts, size, trimmed, plain, vite: await getVercelOidcToken() };
}
