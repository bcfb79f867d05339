/**
 * Which module an added import of a functions-API export should name. AST-independent, so
 * the ESLint rules' fixes and the codemods make the same choice:
 *
 *  (a) a module the file already imports the API from that exports the name (the file stays
 *      on its package); for the OIDC helpers, the `/oidc` subpath of a functions package the
 *      file imports (never upstream's deprecated `@vercel/functions/oidc`);
 *  (b) else the first module the project can resolve from the file's directory (declared in a
 *      package.json or installed in node_modules, walking up): the catalog's CANONICAL_IMPORT
 *      (`@vercel/functions`; `@vercel/oidc` / `@vercel/oidc-aws-credentials-provider` for the
 *      OIDC helpers), then the other functions packages (`@fn-kit/functions`, `/oidc` for the
 *      OIDC helpers);
 *  (c) else the catalog's CANONICAL_IMPORT, marked as not resolvable.
 *
 * The codemods pass `{ project: 'declared' }`: step (b) then takes only what the file's
 * nearest package.json declares, so a package that merely happens to be installed further up
 * (hoisted, or another workspace's) is never chosen; the runner adds the canonical module's
 * package to that package.json instead (cli/runner/dependencies). The ESLint fixes keep
 * `resolvable`: they cannot edit package.json, so they only add imports that resolve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CANONICAL_IMPORT,
  DEPRECATED_OIDC_SUBPATH,
  FUNCTIONS_PACKAGES,
  moduleExports,
  PREFERRED_FUNCTIONS_PACKAGE,
  resolveApiModule,
  SUBPATH_EXPORTS,
  type Subpath,
} from './catalog.js';

export interface ImportSourceChoice {
  /** The module specifier the new import should name. */
  readonly module: string;
  /** Whether the file's project can resolve it (a lint autofix must not add an unresolvable import). */
  readonly resolvable: boolean;
}

const DEPRECATED_OIDC = `${PREFERRED_FUNCTIONS_PACKAGE}${DEPRECATED_OIDC_SUBPATH}`;
const OIDC_SUBPATH: Subpath = '/oidc';
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The package part of a specifier: `@fn-kit/functions/oidc` -> `@fn-kit/functions`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/** Every package name a directory's package.json declares (empty without one); cached per directory. */
const declaredCache = new Map<string, ReadonlySet<string>>();
function declaredIn(dir: string): ReadonlySet<string> {
  let declared = declaredCache.get(dir);
  if (declared) return declared;
  const names = new Set<string>();
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of DEPENDENCY_FIELDS) {
      const deps = manifest[field];
      if (typeof deps === 'object' && deps !== null) for (const name of Object.keys(deps)) names.add(name);
    }
  } catch {
    // No package.json, or one that is not JSON: it declares nothing.
  }
  declared = names;
  declaredCache.set(dir, declared);
  return declared;
}

/** What the package.json nearest to `dir` (walking up) declares; empty without one. */
const nearestCache = new Map<string, ReadonlySet<string>>();
function declaredByNearest(dir: string): ReadonlySet<string> {
  let declared = nearestCache.get(dir);
  if (declared) return declared;
  const parent = dirname(dir);
  declared = existsSync(join(dir, 'package.json')) || parent === dir ? declaredIn(dir) : declaredByNearest(parent);
  nearestCache.set(dir, declared);
  return declared;
}

const resolvableCache = new Map<string, boolean>();

/** Whether `pkg` resolves from `dir`: declared in a package.json upwards, or installed in a node_modules upwards. */
export function packageResolvableFrom(dir: string, pkg: string): boolean {
  const key = `${dir}\0${pkg}`;
  const cached = resolvableCache.get(key);
  if (cached !== undefined) return cached;
  let found = existsSync(join(dir, 'node_modules', pkg, 'package.json')) || declaredIn(dir).has(pkg);
  if (!found) {
    const parent = dirname(dir);
    found = parent !== dir && packageResolvableFrom(parent, pkg);
  }
  resolvableCache.set(key, found);
  return found;
}

/** Forgets what was read from disk (tests, long-lived processes whose projects change). */
export function clearImportSourceCache(): void {
  declaredCache.clear();
  nearestCache.clear();
  resolvableCache.clear();
}

/** The `/oidc` subpath of the functions package `specifier` belongs to, when it exports `name` and is not deprecated. */
function oidcSubpathOf(specifier: string, name: string, extraModules: readonly string[]): string | undefined {
  const info = resolveApiModule(specifier, extraModules);
  if (!info || !(FUNCTIONS_PACKAGES as readonly string[]).includes(info.pkg)) return undefined;
  const candidate = `${info.pkg}${OIDC_SUBPATH}`;
  return candidate !== DEPRECATED_OIDC && SUBPATH_EXPORTS[OIDC_SUBPATH].includes(name) ? candidate : undefined;
}

/** The modules to try, in order, when the file has no import to follow. */
function projectCandidates(name: string, canonical: string): string[] {
  const candidates = [canonical];
  for (const pkg of FUNCTIONS_PACKAGES) {
    const subpath = (Object.keys(SUBPATH_EXPORTS) as Subpath[]).find(
      (s) => SUBPATH_EXPORTS[s].includes(name) && `${pkg}${s}` !== DEPRECATED_OIDC,
    );
    if (subpath !== undefined && !candidates.includes(`${pkg}${subpath}`)) candidates.push(`${pkg}${subpath}`);
  }
  return candidates;
}

/**
 * Where a new import of the API export `name` in `filename` should come from.
 *
 * @param filename       the file the import goes into (relative paths resolve from the cwd);
 *                       undefined skips the project look-up (step b)
 * @param name           the export, e.g. `geolocation`, `getVercelOidcToken` (a CANONICAL_IMPORT key)
 * @param importedModules the specifiers of the file's value imports and top-level requires, in
 *                       file order (modules that are not API modules are ignored)
 * @param extraModules   settings.fn.runtimeModules / --runtime-module (they export every name)
 * @param options.project  step (b): `resolvable` (default: declared upwards or installed) or
 *                       `declared` (declared by the nearest package.json only)
 */
export function chooseImportSource(
  filename: string | undefined,
  name: string,
  importedModules: readonly string[],
  extraModules: readonly string[] = [],
  options: { readonly project?: 'resolvable' | 'declared' } = {},
): ImportSourceChoice {
  const canonical = CANONICAL_IMPORT[name];
  if (canonical === undefined) throw new Error(`The catalog has no canonical module for "${name}"`);
  const direct = importedModules.find((m) => m !== DEPRECATED_OIDC && moduleExports(m, name, extraModules));
  if (direct !== undefined) return { module: direct, resolvable: true };
  for (const m of importedModules) {
    const subpath = oidcSubpathOf(m, name, extraModules);
    if (subpath !== undefined) return { module: subpath, resolvable: true };
  }
  if (filename !== undefined) {
    const dir = dirname(resolve(filename));
    const serves =
      options.project === 'declared'
        ? (pkg: string) => declaredByNearest(dir).has(pkg)
        : (pkg: string) => packageResolvableFrom(dir, pkg);
    for (const module of projectCandidates(name, canonical)) {
      if (serves(packageOf(module))) return { module, resolvable: true };
    }
  }
  return { module: canonical, resolvable: false };
}
