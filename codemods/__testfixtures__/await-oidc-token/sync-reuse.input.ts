import { getVercelOidcToken } from '@vercel/functions/oidc';
import { getVercelOidcTokenSync as syncToken } from '@vercel/oidc';

const t = `${getVercelOidcToken()}`;
const u = syncToken();

export { t, u };
