/**
 * Where a token can come from, most specific first: the current request's
 * `x-vercel-oidc-token` header (the platform's context, then the portable context's
 * request), the file named by `VERCEL_OIDC_TOKEN_FILE` (async getter only; re-read on each
 * call), the `VERCEL_OIDC_TOKEN` environment variable.
 */
import { OIDC_FACTS } from '../catalog/index.js';
import { platformContext } from '../context/platform-context.js';
import { currentScope } from '../context/registry.js';
import { VercelOidcTokenError } from './oidc-token-error.js';

export interface FoundToken {
  readonly token: string;
  /** Where it came from, for error messages. */
  readonly source: string;
}

/** What each source held, for the "missing" message. */
export type Lookup = string[];

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function env(): Record<string, string | undefined> {
  return typeof process === 'undefined' ? {} : process.env;
}

export function tokenFromHeader(looked: Lookup): FoundToken | undefined {
  const platform = platformContext();
  const scope = currentScope();
  const fromPlatform = nonEmpty(platform.headers?.[OIDC_FACTS.header]);
  if (fromPlatform) return { token: fromPlatform, source: `the ${OIDC_FACTS.header} header of the current request` };
  const fromScope = nonEmpty(scope?.header(OIDC_FACTS.header));
  if (fromScope) return { token: fromScope, source: `the ${OIDC_FACTS.header} header of the current request` };
  const inRequest = platform.headers !== undefined || scope !== undefined;
  looked.push(
    `the ${OIDC_FACTS.header} request header (${inRequest ? 'absent from the current request' : 'no request context: not inside a platform request or withRequestContext()'})`,
  );
  return undefined;
}

export function tokenFromEnv(looked: Lookup): FoundToken | undefined {
  const token = nonEmpty(env()[OIDC_FACTS.envVar]);
  if (token) return { token, source: `the ${OIDC_FACTS.envVar} environment variable` };
  looked.push(`the ${OIDC_FACTS.envVar} environment variable (not set or empty)`);
  return undefined;
}

export async function tokenFromFile(looked: Lookup): Promise<FoundToken | undefined> {
  const path = nonEmpty(env()[OIDC_FACTS.fileEnvVar]);
  if (!path) {
    looked.push(`the file named by ${OIDC_FACTS.fileEnvVar} (not set)`);
    return undefined;
  }
  const source = `the file ${path} (${OIDC_FACTS.fileEnvVar})`;
  let text: string;
  try {
    const { readFile } = await import('node:fs/promises');
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new VercelOidcTokenError(
      'unreadable-file',
      `Could not read the Vercel OIDC token from ${source}: ${typeof code === 'string' ? code : 'read failed'}. ` +
        `Point ${OIDC_FACTS.fileEnvVar} at a readable file holding the token, or unset it.`,
      { cause: error },
    );
  }
  const token = nonEmpty(text);
  if (token) return { token, source };
  looked.push(`${source}, which is empty`);
  return undefined;
}
