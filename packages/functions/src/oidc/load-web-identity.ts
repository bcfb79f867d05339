/**
 * Loads the optional peer `@aws-sdk/credential-provider-web-identity` on first use, so
 * that the package has no runtime dependency and costs nothing when AWS is not used.
 */
import { OIDC_FACTS } from '../catalog/index.js';
import { UPSTREAM_MESSAGES, withUpstreamWording } from '../upstream-messages.js';
import type { AwsCredentialIdentity } from './aws-types.js';

export type FromWebToken = (
  init: Record<string, unknown>,
) => (identityProperties?: Record<string, unknown>) => Promise<AwsCredentialIdentity>;

export type WebIdentityLoader = () => Promise<{ fromWebToken: FromWebToken }>;

function isNotFound(error: unknown, specifier: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    message.includes(specifier)
  );
}

/** How the peer is imported; injectable so tests can simulate a missing install. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

const importPeer: ModuleImporter = (specifier) => import(specifier);

export const createWebIdentityLoader = (importModule: ModuleImporter = importPeer): WebIdentityLoader => async () => {
  const specifier: string = OIDC_FACTS.awsWebIdentityPackage;
  let loaded: Record<string, unknown>;
  try {
    loaded = (await importModule(specifier)) as Record<string, unknown>;
  } catch (error) {
    if (isNotFound(error, specifier)) {
      throw Object.assign(
        new Error(
          withUpstreamWording(
            UPSTREAM_MESSAGES.missingAwsPeer,
            `awsCredentialsProvider() needs the optional peer dependency ${specifier}, which is not installed. ` +
              `Install it next to @fn-kit/functions: npm install ${specifier}`,
          ),
          { cause: error },
        ),
        { code: 'ERR_FN_KIT_MISSING_PEER' },
      );
    }
    throw error;
  }
  const fromWebToken =
    loaded[OIDC_FACTS.awsFromWebToken] ?? (loaded.default as Record<string, unknown> | undefined)?.[OIDC_FACTS.awsFromWebToken];
  if (typeof fromWebToken !== 'function') {
    throw new Error(`${specifier} does not export ${OIDC_FACTS.awsFromWebToken}(); install a version that does (3.x).`);
  }
  return { fromWebToken: fromWebToken as FromWebToken };
};

export const loadWebIdentity: WebIdentityLoader = createWebIdentityLoader();
