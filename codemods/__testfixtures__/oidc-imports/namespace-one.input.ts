import * as oidc from '@vercel/functions/oidc';

export const t = () => oidc.getVercelOidcTokenSync();
