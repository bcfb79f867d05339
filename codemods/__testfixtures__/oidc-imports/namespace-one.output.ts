import * as oidc from '@vercel/oidc';

export const t = () => oidc.getVercelOidcTokenSync();
