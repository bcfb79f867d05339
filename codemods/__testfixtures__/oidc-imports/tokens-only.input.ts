import { getVercelOidcToken, getVercelOidcTokenSync } from "@vercel/functions/oidc";

export const read = () => getVercelOidcTokenSync() ?? getVercelOidcToken();
