import { getVercelOidcTokenSync } from '@vercel/oidc';
import { getVercelOidcToken } from '@vercel/functions/oidc';

export const both = [getVercelOidcToken, getVercelOidcTokenSync];
