import { getVercelOidcToken, getVercelOidcTokenSync } from "@vercel/oidc";

export async function a() {
  return getVercelOidcToken();
}

export function b() {
  return `Bearer ${getVercelOidcTokenSync()}`;
}
