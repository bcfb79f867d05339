import { getVercelOidcToken } from "@vercel/oidc";

const getVercelOidcTokenSync = () => "x";

export function header() {
  return `${getVercelOidcToken()}${getVercelOidcTokenSync()}`;
}
