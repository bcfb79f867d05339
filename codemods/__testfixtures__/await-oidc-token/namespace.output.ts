import * as oidc from '@vercel/functions/oidc';

export const header = `Bearer ${oidc.getVercelOidcTokenSync()}`;
export const other = `Bearer ${oidc.getVercelOidcTokenSync()}`;
