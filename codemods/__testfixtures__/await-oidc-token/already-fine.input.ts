import { getVercelOidcToken } from '@vercel/oidc';

export async function a() {
  const t = await getVercelOidcToken();
  return t;
}
export function b() {
  return getVercelOidcToken();
}
export const c = () => getVercelOidcToken();
getVercelOidcToken().then((t) => console.log(t.length)).catch(() => {});
export async function d(other: () => Promise<string>) {
  const [t, u] = await Promise.all([getVercelOidcToken(), other()]);
  const p = getVercelOidcToken();
  return t + u + (await p) + (await getVercelOidcToken()).length;
}
void getVercelOidcToken();
export const client = { tokenProvider: getVercelOidcToken };
