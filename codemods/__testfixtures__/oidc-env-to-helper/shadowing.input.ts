const getVercelOidcToken = () => 'local';

export function fake(process: { env: Record<string, string> }) {
  return process.env.VERCEL_OIDC_TOKEN;
}

export async function real() {
  return [getVercelOidcToken(), process.env.VERCEL_OIDC_TOKEN];
}
