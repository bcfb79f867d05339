/**
 * The platform's system environment variables. `getEnv()` returns the ones marked
 * `getEnv: true`; the others are here so that lint rules and the env generator never
 * call a real system variable unknown.
 */

export interface SystemEnvVar {
  readonly name: string;
  /** One or two sentences for generated JSDoc and rule messages. */
  readonly doc: string;
  readonly example?: string;
  /** Part of the object `getEnv()` returns. */
  readonly getEnv: boolean;
  /** Holds a credential: generated code never logs or inlines it. */
  readonly secret?: boolean;
  /** The platform also exposes it to client bundles as `NEXT_PUBLIC_<name>`. */
  readonly publicForm?: boolean;
  /** Holds a bare host name (`my-app.vercel.app`), no `https://`: not a URL on its own. */
  readonly hostWithoutScheme?: boolean;
}

const v = (
  name: string,
  doc: string,
  opts: { example?: string; getEnv?: boolean; secret?: boolean; publicForm?: boolean; hostWithoutScheme?: boolean } = {},
): SystemEnvVar => ({ name, doc, getEnv: opts.getEnv ?? true, ...opts });

/** In the order `getEnv()` documents them. */
export const SYSTEM_ENV_VARS: readonly SystemEnvVar[] = [
  v('VERCEL', 'Set to "1" when system environment variables are exposed to the deployment.', { example: '1' }),
  v('CI', 'Set to "1" while the build runs in a continuous-integration environment.', { example: '1' }),
  v('VERCEL_ENV', 'The environment the deployment runs in: "production", "preview" or "development".', {
    example: 'production',
    publicForm: true,
  }),
  v('VERCEL_URL', 'Host name of the generated deployment URL, without the "https://" scheme.', {
    example: 'my-site-abc123.vercel.app',
    publicForm: true,
    hostWithoutScheme: true,
  }),
  v('VERCEL_BRANCH_URL', 'Host name of the generated Git branch URL, without the scheme.', {
    example: 'my-site-git-main.vercel.app',
    publicForm: true,
    hostWithoutScheme: true,
  }),
  v(
    'VERCEL_PROJECT_PRODUCTION_URL',
    'A production host name of the project (stable across deployments), without the scheme; good for absolute links.',
    { example: 'my-site.vercel.app', publicForm: true, hostWithoutScheme: true },
  ),
  v('VERCEL_REGION', 'The region id where the function runs, e.g. "iad1"; "dev1" in local development.', {
    example: 'iad1',
  }),
  v('VERCEL_DEPLOYMENT_ID', 'Unique id of the deployment; used by skew protection.', {
    example: 'dpl_2aBcD3eFgH4iJkL5mNoP6qRsT',
  }),
  v('VERCEL_SKEW_PROTECTION_ENABLED', 'Set to "1" when skew protection is enabled for the project.', {
    example: '1',
  }),
  v(
    'VERCEL_AUTOMATION_BYPASS_SECRET',
    'The deployment-protection bypass secret for automation, when one has been generated. A credential.',
    { secret: true },
  ),
  v('VERCEL_GIT_PROVIDER', 'The Git provider the deployment was triggered from, e.g. "github".', {
    example: 'github',
    publicForm: true,
  }),
  v('VERCEL_GIT_REPO_SLUG', 'Name of the repository the deployment was triggered from.', {
    example: 'my-site',
    publicForm: true,
  }),
  v('VERCEL_GIT_REPO_OWNER', 'Account that owns the repository the deployment was triggered from.', {
    example: 'acme',
    publicForm: true,
  }),
  v('VERCEL_GIT_REPO_ID', 'Id of the repository the deployment was triggered from.', {
    example: '117716146',
    publicForm: true,
  }),
  v('VERCEL_GIT_COMMIT_REF', 'Branch of the commit that triggered the deployment.', {
    example: 'main',
    publicForm: true,
  }),
  v('VERCEL_GIT_COMMIT_SHA', 'SHA of the commit that triggered the deployment.', {
    example: '2f1a0c9e6b7d4c3a8e5f0b1d2c3e4f5a6b7c8d9e',
    publicForm: true,
  }),
  v('VERCEL_GIT_COMMIT_MESSAGE', 'Message of the commit that triggered the deployment.', {
    example: 'Fix the pricing page',
    publicForm: true,
  }),
  v('VERCEL_GIT_COMMIT_AUTHOR_LOGIN', 'User name of the author of that commit.', {
    example: 'octocat',
    publicForm: true,
  }),
  v('VERCEL_GIT_COMMIT_AUTHOR_NAME', 'Display name of the author of that commit.', {
    example: 'Mona Lisa',
    publicForm: true,
  }),
  v(
    'VERCEL_GIT_PREVIOUS_SHA',
    'SHA of the last successful deployment for the project and branch; only set when an ignored build step is configured.',
    { example: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d' },
  ),
  v(
    'VERCEL_GIT_PULL_REQUEST_ID',
    'Id of the pull request that triggered the deployment; empty (read as undefined) before a pull request exists.',
    { example: '23', publicForm: true },
  ),
  v('VERCEL_TARGET_ENV', 'The target environment name, including custom environments, e.g. "staging".', {
    example: 'production',
    getEnv: false,
    publicForm: true,
  }),
  v('VERCEL_PROJECT_ID', 'Id of the project the deployment belongs to.', {
    example: 'prj_2aBcD3eFgH4iJkL5mNoP6qRsT',
    getEnv: false,
  }),
  v(
    'VERCEL_OIDC_TOKEN',
    'The OIDC token for the deployment (build time and local `vercel env pull`). Read it with getVercelOidcToken(), never directly: at run time the per-request header is fresher.',
    { getEnv: false, secret: true },
  ),
  v(
    'VERCEL_OIDC_TOKEN_FILE',
    'Path of a file that holds an OIDC token (re-read on each call); honoured by fn-kit\'s getVercelOidcToken().',
    { getEnv: false },
  ),
];

/** Prefix under which the platform exposes some system variables to client code. */
export const PUBLIC_ENV_PREFIX = 'NEXT_PUBLIC_';

/** Names of the variables `getEnv()` returns, in order. */
export const GET_ENV_KEYS: readonly string[] = SYSTEM_ENV_VARS.filter((e) => e.getEnv).map((e) => e.name);

/** Every system variable name the catalog knows, including the `NEXT_PUBLIC_` forms. */
export const KNOWN_SYSTEM_ENV_NAMES: ReadonlySet<string> = new Set([
  ...SYSTEM_ENV_VARS.map((e) => e.name),
  ...SYSTEM_ENV_VARS.filter((e) => e.publicForm).map((e) => PUBLIC_ENV_PREFIX + e.name),
]);

/** Every name (with the `NEXT_PUBLIC_` forms) whose value is a bare host name (`hostWithoutScheme`). */
export const HOST_WITHOUT_SCHEME_ENV_NAMES: ReadonlySet<string> = new Set(
  SYSTEM_ENV_VARS.filter((e) => e.hostWithoutScheme).flatMap((e) => (e.publicForm ? [e.name, PUBLIC_ENV_PREFIX + e.name] : [e.name])),
);

const byName = new Map<string, SystemEnvVar>(SYSTEM_ENV_VARS.map((e) => [e.name, e]));

/** Looks a variable up by name; `NEXT_PUBLIC_` forms resolve to their base variable. */
export function findSystemEnvVar(name: string): SystemEnvVar | undefined {
  const direct = byName.get(name);
  if (direct) return direct;
  if (name.startsWith(PUBLIC_ENV_PREFIX)) {
    const base = byName.get(name.slice(PUBLIC_ENV_PREFIX.length));
    if (base?.publicForm) return base;
  }
  return undefined;
}
