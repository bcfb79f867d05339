import { getVercelOidcToken } from '@vercel/oidc';

export async function inspect(client: { auth(token: string): Promise<void> }) {
  const size = getVercelOidcToken().length;
  const parts = getVercelOidcToken()?.split('.');
  const forced = getVercelOidcToken()!.length;
  const header = 'Bearer ' + getVercelOidcToken();
  if (getVercelOidcToken()) await client.auth(getVercelOidcToken());
  return { size, parts, forced, header };
}

export const init = async () => ({ headers: { authorization: getVercelOidcToken() } });
