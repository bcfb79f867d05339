export async function inspect() {
  const parts = process.env.VERCEL_OIDC_TOKEN!.split('.');
  const size = process.env.VERCEL_OIDC_TOKEN.length;
  const trimmed = process.env?.VERCEL_OIDC_TOKEN?.trim();
  const plain = process?.env?.VERCEL_OIDC_TOKEN;
  return { parts, size, trimmed, plain, vite: import.meta.env.VERCEL_OIDC_TOKEN };
}
