import { getVercelOidcToken } from '@vercel/oidc';

export async function inspect(client: { auth(token: string): Promise<void> }) {
  const size = (await getVercelOidcToken()).length;
  const parts = (await getVercelOidcToken())?.split('.');
  const forced = (await getVercelOidcToken()).length;
  const header = 'Bearer ' + (await getVercelOidcToken());
  if (await getVercelOidcToken()) await client.auth(await getVercelOidcToken());
  return { size, parts, forced, header };
}

export const init = async () => ({ headers: { authorization: await getVercelOidcToken() } });
