import { getVercelOidcTokenSync, getVercelOidcToken } from '@vercel/oidc';

export const both = [getVercelOidcToken, getVercelOidcTokenSync];
