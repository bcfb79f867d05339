/**
 * The `exp` claim of a JWT, or `undefined` when the value is not a JWT with a numeric
 * `exp`. Never throws: a parse error's message could quote the token.
 */
function base64UrlToText(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function jwtExpiry(token: string): Date | undefined {
  try {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[1] === undefined) return undefined;
    const payload: unknown = JSON.parse(base64UrlToText(parts[1]));
    if (typeof payload !== 'object' || payload === null) return undefined;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
    const expiry = new Date(exp * 1000);
    return Number.isNaN(expiry.getTime()) ? undefined : expiry;
  } catch {
    return undefined;
  }
}
