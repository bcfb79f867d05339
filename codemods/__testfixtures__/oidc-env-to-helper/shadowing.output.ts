import { getVercelOidcToken as getVercelOidcTokenFn } from '@vercel/oidc';

const getVercelOidcToken = () => 'local';

export function fake(process: { env: Record<string, string> }) {
  return process.env.VERCEL_OIDC_TOKEN;
}

export async function real() {
  return [getVercelOidcToken(), await getVercelOidcTokenFn()];
}
