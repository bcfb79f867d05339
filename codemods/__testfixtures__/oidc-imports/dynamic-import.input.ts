export async function load() {
  const { getVercelOidcToken } = await import('@vercel/functions/oidc');
  return getVercelOidcToken();
}
