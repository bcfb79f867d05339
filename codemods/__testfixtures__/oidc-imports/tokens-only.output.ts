import { getVercelOidcToken, getVercelOidcTokenSync } from "@vercel/oidc";

export const read = () => getVercelOidcTokenSync() ?? getVercelOidcToken();
