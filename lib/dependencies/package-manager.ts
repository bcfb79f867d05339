/**
 * Which package manager a project uses, from the lockfile found walking up from its
 * package.json to the workspace root (else the `packageManager` field, else npm), and the
 * command that installs what its manifests declare.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Lockfile names per package manager, in the order they are looked for in one directory. */
export const LOCKFILES: readonly (readonly [string, PackageManagerName])[] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

export interface PackageManager {
  readonly name: PackageManagerName;
  /** Where to run the install: the lockfile's directory (the workspace root), else the manifest's. */
  readonly root: string;
  /** How it was found, for messages: `pnpm-lock.yaml`, `packageManager field`, `default`. */
  readonly from: string;
  /** The install command's argv. */
  readonly install: readonly string[];
}

function packageManagerField(dir: string): PackageManagerName | undefined {
  try {
    const field = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { packageManager?: unknown }).packageManager;
    const name = typeof field === 'string' ? field.split('@')[0] : undefined;
    return name === 'npm' || name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The package manager for the project whose package.json is `manifest`. */
export function detectPackageManager(manifest: string): PackageManager {
  const start = dirname(resolve(manifest));
  let field: { name: PackageManagerName; dir: string } | undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    for (const [file, name] of LOCKFILES) {
      if (existsSync(join(dir, file))) return { name, root: dir, from: file, install: [name, 'install'] };
    }
    const declared = field ? undefined : packageManagerField(dir);
    if (declared) field = { name: declared, dir };
    if (dirname(dir) === dir) break;
  }
  if (field) return { name: field.name, root: field.dir, from: 'packageManager field', install: [field.name, 'install'] };
  return { name: 'npm', root: start, from: 'default (no lockfile found)', install: ['npm', 'install'] };
}

/** The command that adds `specs` (`name@range`) to the project, for a message when nothing was written. */
export function addCommand(pm: PackageManagerName, specs: readonly string[]): string {
  const verb = pm === 'npm' ? 'install' : 'add';
  return [pm, verb, ...specs.map((s) => `'${s}'`)].join(' ');
}
