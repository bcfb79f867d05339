export async function config() {
  const { VERCEL_OIDC_TOKEN, DATABASE_URL } = process.env;
  const { VERCEL_OIDC_TOKEN: token = '' } = process.env;
  return { VERCEL_OIDC_TOKEN, DATABASE_URL, token };
}
