process.env.VERCEL_OIDC_TOKEN = 'test-token';

export async function maybe() {
  if (process.env.VERCEL_OIDC_TOKEN) return 'has token';
  if (typeof process.env.VERCEL_OIDC_TOKEN === 'string') return 'string';
  const fallback = process.env.VERCEL_OIDC_TOKEN ?? 'none';
  return process.env.VERCEL_OIDC_TOKEN !== undefined ? fallback : null;
}
