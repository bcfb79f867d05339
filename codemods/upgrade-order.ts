/**
 * The order `fn-codemod upgrade` runs the transforms in, with the reason for each position,
 * and when a transform applies to a file's project. docs/codemods/upgrade.md shows this table
 * (a test keeps the two in step).
 */
import { afterSupport, findNextVersion } from '../lib/next-version.js';
import type { TransformName } from './index.js';

export interface UpgradeStep {
  readonly name: TransformName;
  /** Why it runs at this position. */
  readonly reason: string;
  /**
   * Whether the transform applies to the project `filename` belongs to: undefined when it
   * does, else why not (the transform is then not run on the file). Absent: always applies
   * (its text filter and its own checks decide).
   */
  readonly notApplicable?: (filename: string, nextVersion: string | undefined) => string | undefined;
}

function nextVersionOf(filename: string, override: string | undefined): string | undefined {
  return findNextVersion(filename, override)?.version;
}

export const UPGRADE_ORDER: readonly UpgradeStep[] = [
  {
    name: 'edge-to-functions',
    reason: 'first: it moves `@vercel/edge` imports to `@vercel/functions`, so every later transform sees them as API imports',
  },
  {
    name: 'oidc-imports',
    reason: 'before the OIDC transforms: they then find (and reuse) the token getters under `@vercel/oidc`, not the deprecated `@vercel/functions/oidc`',
  },
  {
    name: 'oidc-env-to-helper',
    reason: 'before env-to-get-env and await-oidc-token: `process.env.VERCEL_OIDC_TOKEN` must become the token getter, not a `getEnv()` read; the getter calls it writes are then checked by await-oidc-token',
  },
  {
    name: 'await-oidc-token',
    reason: 'before floating-to-wait-until: an unawaited `getVercelOidcToken()` statement must be awaited, not handed to `waitUntil()` as background work',
  },
  {
    name: 'geo-ip-to-functions',
    reason: 'after the import moves: `geolocation()` / `ipAddress()` join the `@vercel/functions` import they produced',
  },
  {
    name: 'env-to-get-env',
    reason: 'after oidc-env-to-helper (see there) and after the import moves, so `getEnv` joins the existing API import',
  },
  {
    name: 'unstable-after-to-after',
    reason: 'before wait-until-to-after: the `waitUntil` calls that become `after` then merge into the stable `after` import instead of adding a second binding beside `unstable_after as after`',
    notApplicable: (filename, override) => {
      const version = nextVersionOf(filename, override);
      if (version === undefined) return 'no Next.js version found';
      return afterSupport(version) === 'after' ? undefined : `Next.js ${version} has no stable after()`;
    },
  },
  {
    name: 'wait-until-to-after',
    reason: 'after unstable-after-to-after (see there); before floating-to-wait-until, so that the `after` import it adds is the one floating-to-wait-until reuses',
    notApplicable: (filename, override) => {
      const version = nextVersionOf(filename, override);
      if (version === undefined) return 'no Next.js version found';
      return afterSupport(version) === 'none' ? `Next.js ${version} has no after()` : undefined;
    },
  },
  {
    name: 'floating-to-wait-until',
    reason: 'last: it must see the final code (awaited token calls, migrated imports, `after` where it applies), and it only ever adds a wrapper around a statement, which no other transform reads',
  },
];
