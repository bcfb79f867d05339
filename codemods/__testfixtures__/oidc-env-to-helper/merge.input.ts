import { getVercelOidcToken } from "@vercel/oidc";

export async function a() {
  return getVercelOidcToken();
}

export function b() {
  return `Bearer ${process.env.VERCEL_OIDC_TOKEN}`;
}
