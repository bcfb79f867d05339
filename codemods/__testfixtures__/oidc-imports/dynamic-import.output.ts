export async function load() {
  const { getVercelOidcToken } = await import('@vercel/oidc');
  return getVercelOidcToken();
}
