import { getVercelOidcTokenSync as syncToken } from '@vercel/oidc';

const t = `${syncToken()}`;
const u = syncToken();

export { t, u };
