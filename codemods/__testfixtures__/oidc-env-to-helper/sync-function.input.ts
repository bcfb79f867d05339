export function authHeaders(): Record<string, string> {
  return { Authorization: 'Bearer ' + process.env['VERCEL_OIDC_TOKEN'] };
}
