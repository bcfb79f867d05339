/** Why a token could not be returned. */
export type OidcTokenErrorCode = 'missing' | 'expired' | 'unreadable-file';

/**
 * Thrown by the token getters. Its message says where the library looked and what to do;
 * it never contains the token (nor any part of it).
 */
export class VercelOidcTokenError extends Error {
  override readonly name = 'VercelOidcTokenError';
  constructor(
    readonly code: OidcTokenErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
