export async function token() {
  const { VERCEL_OIDC_TOKEN } = process.env;
  return VERCEL_OIDC_TOKEN;
}

export const header = () => {
  const { VERCEL_OIDC_TOKEN: jwt }: { VERCEL_OIDC_TOKEN?: string } = process.env;
  return `Bearer ${jwt}`;
};
