// VERCEL_OIDC_TOKEN is documented here, and its file variant is read below.
export const file = process.env.VERCEL_OIDC_TOKEN_FILE;
export const name = 'VERCEL_OIDC_TOKEN';
export const other = process.env.OTHER_TOKEN;
