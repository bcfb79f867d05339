const REDACTED = '[redacted OIDC token]';

/**
 * Makes sure an error thrown while using `token` does not carry it: strips it from the
 * message and stack of an `Error`, and from a thrown string.
 */
export function withoutToken(error: unknown, token: string): unknown {
  if (token === '') return error;
  if (typeof error === 'string') return error.split(token).join(REDACTED);
  if (error instanceof Error) {
    if (error.message.includes(token)) error.message = error.message.split(token).join(REDACTED);
    if (typeof error.stack === 'string' && error.stack.includes(token)) {
      error.stack = error.stack.split(token).join(REDACTED);
    }
  }
  return error;
}
