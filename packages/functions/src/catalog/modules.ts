/**
 * The functions API's module specifiers and what each one exports. Rules, codemods and
 * the env generator ask this table whether an import binds an API function.
 */
import { HEADER_CONSTANTS } from './headers.js';

/** Packages that implement the functions API (each with the subpaths below). */
export const FUNCTIONS_PACKAGES = ['@vercel/functions', '@fn-kit/functions'] as const;

/** Packages the OIDC helpers moved to upstream. */
export const OIDC_PACKAGES = {
  tokens: '@vercel/oidc',
  aws: '@vercel/oidc-aws-credentials-provider',
} as const;

/** The upstream package this runtime replaces in codemod output. */
export const PREFERRED_FUNCTIONS_PACKAGE = '@vercel/functions';

/** The legacy edge package that `edge-to-functions` migrates from. */
export const EDGE_PACKAGE = '@vercel/edge';

export type Subpath = '' | '/headers' | '/oidc' | '/middleware';

const OIDC_TOKEN_GETTERS = ['getVercelOidcToken', 'getVercelOidcTokenSync'] as const;
const AWS_PROVIDER = 'awsCredentialsProvider';
const HEADER_CONSTANT_NAMES = Object.keys(HEADER_CONSTANTS) as (keyof typeof HEADER_CONSTANTS)[];

/** Value exports of each subpath of a functions package (types are not listed). */
export const SUBPATH_EXPORTS: Readonly<Record<Subpath, readonly string[]>> = {
  '': [
    'waitUntil',
    'getEnv',
    'geolocation',
    'ipAddress',
    'next',
    'rewrite',
    // fn-kit's portable request context (not in upstream; harmless to recognise there)
    'after',
    'withRequestContext',
    'drain',
  ],
  '/headers': ['geolocation', 'ipAddress', 'EMOJI_FLAG_UNICODE_STARTING_POSITION', ...HEADER_CONSTANT_NAMES],
  '/oidc': [...OIDC_TOKEN_GETTERS, AWS_PROVIDER],
  '/middleware': ['next', 'rewrite'],
};

/** Every function the API modules export (header constants aside): the names a project alias of the API can carry. */
export const API_FUNCTION_NAMES: readonly string[] = [...new Set([...SUBPATH_EXPORTS[''], ...SUBPATH_EXPORTS['/oidc'], 'geolocation', 'ipAddress'])];

/** Value exports of the standalone OIDC packages. */
export const OIDC_PACKAGE_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  [OIDC_PACKAGES.tokens]: OIDC_TOKEN_GETTERS,
  [OIDC_PACKAGES.aws]: [AWS_PROVIDER],
};

/** Where each export should be imported from in newly written code. */
export const CANONICAL_IMPORT: Readonly<Record<string, string>> = {
  waitUntil: '@vercel/functions',
  getEnv: '@vercel/functions',
  geolocation: '@vercel/functions',
  ipAddress: '@vercel/functions',
  getVercelOidcToken: OIDC_PACKAGES.tokens,
  getVercelOidcTokenSync: OIDC_PACKAGES.tokens,
  awsCredentialsProvider: OIDC_PACKAGES.aws,
};

/**
 * The version range a codemod writes into package.json when its output imports a package the
 * project does not declare: the published release (checked with `npm view`, 2026-12) whose
 * exports cover everything the codemods emit from that package, as a caret range.
 * `@vercel/functions` 3.11.2 (waitUntil, getEnv, geolocation, ipAddress, next, rewrite,
 * /headers), `@vercel/oidc` 4.0.9 (getVercelOidcToken, getVercelOidcTokenSync),
 * `@vercel/oidc-aws-credentials-provider` 3.3.9 (awsCredentialsProvider). `next` is never
 * added: a transform that imports `next/server` only runs where a Next.js version is known.
 */
export const DEPENDENCY_RANGES: Readonly<Record<string, string>> = {
  '@vercel/functions': '^3.11.2',
  [OIDC_PACKAGES.tokens]: '^4.0.9',
  [OIDC_PACKAGES.aws]: '^3.3.9',
};

/** What `@vercel/edge` exports, and where each value lives in the functions API. */
export const EDGE_EXPORT_MIGRATION: Readonly<Record<string, { module: string } | { removed: string }>> = {
  geolocation: { module: '@vercel/functions' },
  ipAddress: { module: '@vercel/functions' },
  next: { module: '@vercel/functions' },
  rewrite: { module: '@vercel/functions' },
  EMOJI_FLAG_UNICODE_STARTING_POSITION: { module: '@vercel/functions/headers' },
  ...Object.fromEntries(
    HEADER_CONSTANT_NAMES.filter((n) => n !== 'CONTINENT_HEADER_NAME').map((n) => [
      n,
      { module: '@vercel/functions/headers' },
    ]),
  ),
  // types
  Geo: { module: '@vercel/functions' },
  Request: { module: '@vercel/functions' },
  Headers: { removed: 'use the platform Headers type (or `{ get(name: string): string | null }`)' },
  ExtraResponseInit: { removed: 'no exported counterpart; use `Parameters<typeof rewrite>[1]`' },
  ModifiedRequest: { removed: 'no exported counterpart; use the `request` field of the rewrite() options' },
  RequestContext: { removed: 'no counterpart; call waitUntil() from @vercel/functions instead of context.waitUntil' },
};

export interface ApiModuleInfo {
  /** The package part of the specifier, e.g. `@vercel/functions`. */
  readonly pkg: string;
  readonly subpath: string;
  /** Value names this specifier exports. `all` for user-configured modules. */
  readonly exports: ReadonlySet<string> | 'all';
}

/** The default module list (every package plus subpaths is derived from it). */
export const DEFAULT_RUNTIME_MODULES: readonly string[] = [
  ...FUNCTIONS_PACKAGES,
  OIDC_PACKAGES.tokens,
  OIDC_PACKAGES.aws,
];

function splitSpecifier(specifier: string): { pkg: string; subpath: string } {
  const parts = specifier.split('/');
  const pkgParts = specifier.startsWith('@') ? 2 : 1;
  const pkg = parts.slice(0, pkgParts).join('/');
  const rest = parts.slice(pkgParts).join('/');
  return { pkg, subpath: rest ? `/${rest}` : '' };
}

const moduleInfoCache = new Map<string, ApiModuleInfo | null>();

/**
 * What an import specifier provides of the API, or `null` when it is not an API module.
 * `extraModules` are the user's own modules (settings.fn.runtimeModules / --runtime-module):
 * re-exporting wrappers, treated as providing every API name. They add to the defaults.
 */
export function resolveApiModule(specifier: string, extraModules: readonly string[] = []): ApiModuleInfo | null {
  if (extraModules.includes(specifier)) {
    return { ...splitSpecifier(specifier), exports: 'all' };
  }
  const cached = moduleInfoCache.get(specifier);
  if (cached !== undefined) return cached;
  const { pkg, subpath } = splitSpecifier(specifier);
  let info: ApiModuleInfo | null = null;
  if ((FUNCTIONS_PACKAGES as readonly string[]).includes(pkg) && subpath in SUBPATH_EXPORTS) {
    info = { pkg, subpath, exports: new Set(SUBPATH_EXPORTS[subpath as Subpath]) };
  } else if (subpath === '' && pkg in OIDC_PACKAGE_EXPORTS) {
    info = { pkg, subpath, exports: new Set(OIDC_PACKAGE_EXPORTS[pkg]) };
  }
  moduleInfoCache.set(specifier, info);
  return info;
}

/** Whether `specifier` exports the API value `name`. */
export function moduleExports(specifier: string, name: string, extraModules: readonly string[] = []): boolean {
  const info = resolveApiModule(specifier, extraModules);
  if (!info) return false;
  return info.exports === 'all' || info.exports.has(name);
}

/** Cheap text test for pre-filtering files: does the source mention any API module? */
export function mentionsApiModule(source: string, extraModules: readonly string[] = []): boolean {
  for (const m of DEFAULT_RUNTIME_MODULES) if (source.includes(m)) return true;
  for (const m of extraModules) if (source.includes(m)) return true;
  return false;
}

/** The deprecated OIDC re-export entry points upstream (`@vercel/functions/oidc`). */
export const DEPRECATED_OIDC_SUBPATH = '/oidc';

/**
 * Type exports of the deprecated `@vercel/functions/oidc` entry point, and the package each
 * one lives in now (the value exports are in CANONICAL_IMPORT).
 */
export const CANONICAL_TYPE_IMPORT: Readonly<Record<string, string>> = {
  AwsCredentialsProviderInit: OIDC_PACKAGES.aws,
};
