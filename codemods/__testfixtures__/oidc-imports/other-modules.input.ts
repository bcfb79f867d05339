// Mentions @vercel/functions/oidc only in a comment; imports the new packages already.
import { getVercelOidcToken } from '@vercel/oidc';

export const t = getVercelOidcToken;
