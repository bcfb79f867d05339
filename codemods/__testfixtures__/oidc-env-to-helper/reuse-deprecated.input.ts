import { getVercelOidcToken as oidcToken } from '@vercel/functions/oidc';

export async function a() {
  return [await oidcToken(), process.env.VERCEL_OIDC_TOKEN];
}

export function b() {
  return process.env.VERCEL_OIDC_TOKEN;
}
