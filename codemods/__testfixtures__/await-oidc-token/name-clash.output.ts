import { getVercelOidcTokenSync as getVercelOidcTokenSyncFn } from "@vercel/oidc";

const getVercelOidcTokenSync = () => "x";

export function header() {
  return `${getVercelOidcTokenSyncFn()}${getVercelOidcTokenSync()}`;
}
