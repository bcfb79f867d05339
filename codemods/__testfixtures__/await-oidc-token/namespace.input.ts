import * as oidc from '@vercel/functions/oidc';

export const header = `Bearer ${oidc.getVercelOidcToken()}`;
export const other = `Bearer ${oidc['getVercelOidcToken']()}`;
