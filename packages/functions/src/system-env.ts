/**
 * The object `getEnv()` returns. Its keys are exactly the catalog's `GET_ENV_KEYS`, in
 * the same order (test/runtime/get-env.test.ts checks that they cannot drift); the docs
 * restate the catalog's. Every value is `undefined` when the variable is unset or empty.
 */
export interface SystemEnv {
  /**
   * Set to "1" when system environment variables are exposed to the deployment.
   * @example "1"
   */
  VERCEL: string | undefined;
  /**
   * Set to "1" while the build runs in a continuous-integration environment.
   * @example "1"
   */
  CI: string | undefined;
  /**
   * The environment the deployment runs in: "production", "preview" or "development".
   * @example "production"
   */
  VERCEL_ENV: string | undefined;
  /**
   * Host name of the generated deployment URL, without the "https://" scheme.
   * @example "my-site-abc123.vercel.app"
   */
  VERCEL_URL: string | undefined;
  /**
   * Host name of the generated Git branch URL, without the scheme.
   * @example "my-site-git-main.vercel.app"
   */
  VERCEL_BRANCH_URL: string | undefined;
  /**
   * A production host name of the project (stable across deployments), without the
   * scheme; good for absolute links.
   * @example "my-site.vercel.app"
   */
  VERCEL_PROJECT_PRODUCTION_URL: string | undefined;
  /**
   * The region id where the function runs, e.g. "iad1"; "dev1" in local development.
   * @example "iad1"
   */
  VERCEL_REGION: string | undefined;
  /**
   * Unique id of the deployment; used by skew protection.
   * @example "dpl_2aBcD3eFgH4iJkL5mNoP6qRsT"
   */
  VERCEL_DEPLOYMENT_ID: string | undefined;
  /**
   * Set to "1" when skew protection is enabled for the project.
   * @example "1"
   */
  VERCEL_SKEW_PROTECTION_ENABLED: string | undefined;
  /**
   * The deployment-protection bypass secret for automation, when one has been
   * generated. A credential: never log it.
   */
  VERCEL_AUTOMATION_BYPASS_SECRET: string | undefined;
  /**
   * The Git provider the deployment was triggered from, e.g. "github".
   * @example "github"
   */
  VERCEL_GIT_PROVIDER: string | undefined;
  /**
   * Name of the repository the deployment was triggered from.
   * @example "my-site"
   */
  VERCEL_GIT_REPO_SLUG: string | undefined;
  /**
   * Account that owns the repository the deployment was triggered from.
   * @example "acme"
   */
  VERCEL_GIT_REPO_OWNER: string | undefined;
  /**
   * Id of the repository the deployment was triggered from.
   * @example "117716146"
   */
  VERCEL_GIT_REPO_ID: string | undefined;
  /**
   * Branch of the commit that triggered the deployment.
   * @example "main"
   */
  VERCEL_GIT_COMMIT_REF: string | undefined;
  /**
   * SHA of the commit that triggered the deployment.
   * @example "2f1a0c9e6b7d4c3a8e5f0b1d2c3e4f5a6b7c8d9e"
   */
  VERCEL_GIT_COMMIT_SHA: string | undefined;
  /**
   * Message of the commit that triggered the deployment.
   * @example "Fix the pricing page"
   */
  VERCEL_GIT_COMMIT_MESSAGE: string | undefined;
  /**
   * User name of the author of that commit.
   * @example "octocat"
   */
  VERCEL_GIT_COMMIT_AUTHOR_LOGIN: string | undefined;
  /**
   * Display name of the author of that commit.
   * @example "Mona Lisa"
   */
  VERCEL_GIT_COMMIT_AUTHOR_NAME: string | undefined;
  /**
   * SHA of the last successful deployment for the project and branch; only set when an
   * ignored build step is configured.
   * @example "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"
   */
  VERCEL_GIT_PREVIOUS_SHA: string | undefined;
  /**
   * Id of the pull request that triggered the deployment; empty (read as undefined)
   * before a pull request exists.
   * @example "23"
   */
  VERCEL_GIT_PULL_REQUEST_ID: string | undefined;
}
