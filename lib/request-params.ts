/**
 * What marks a function's first parameter as the incoming request, for telling a default-
 * exported request handler from any other default export. Shared by the ESLint rules'
 * and the codemods' request-handler detection.
 */

/** `req`, `request`, `_req`, `_request` (any case). */
export const REQUEST_PARAM_NAME = /^_?(?:req|request)$/i;

/** Type names of request objects across runtimes. */
export const REQUEST_TYPE_NAMES: ReadonlySet<string> = new Set([
  'Request',
  'NextRequest',
  'VercelRequest',
  'NextApiRequest',
  'IncomingMessage',
]);
