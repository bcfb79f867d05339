/**
 * Real `next` releases and temp Next.js projects: `next@<version>` with the React types it
 * builds on, installed once under ~/.cache/fn-kit/next-project/<version> (the catalog test
 * reads that `next` package's typings), and per run of the type checks a fresh temp
 * project whose node_modules links to that install and to the repo's own copies of
 * `@types/node`, `@vercel/functions` and the workspace package `@fn-kit/functions`.
 * Its package.json declares the Next version, so the rules and codemods find it themselves.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedInstall } from './npm-cache.js';
import { reactTypesFor } from './versions.js';

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The cached install of next@version (+ React types): a directory with node_modules. */
export function nextInstall(version: string): string {
  return cachedInstall('next-project', version, { dependencies: { next: version, ...reactTypesFor(version) } });
}

/** The directory of the real `next@version` package (from the cached install). */
export function nextPackage(version: string): string {
  return join(nextInstall(version), 'node_modules', 'next');
}

/** Packages the temp project takes from the repo's node_modules (the workspace package included). */
const FROM_REPO = ['@types/node', '@vercel/functions', '@vercel/oidc', '@fn-kit/functions'];

/**
 * A module that re-exports the functions API, as `--runtime-module @acme/platform` assumes
 * (codemod fixtures `runtime-module`): a package that is nothing but that re-export.
 */
const RUNTIME_MODULE_STUB = { name: '@acme/platform', types: "export * from '@vercel/functions';\n" };

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/** Links every package of `from/node_modules` (scoped ones one level down) into `to/node_modules`. */
function linkPackages(from: string, to: string): void {
  const modules = join(from, 'node_modules');
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of readdirSync(join(modules, entry))) link(join(modules, entry, scoped), join(to, 'node_modules', entry, scoped));
    } else link(join(modules, entry), join(to, 'node_modules', entry));
  }
}

/**
 * A package.json declaring next@version and the packages fix outputs import, so the codemods
 * find the version there and add no dependency.
 */
export function writePackageJson(dir: string, version: string): void {
  const dependencies = { next: version, '@vercel/functions': '^3.0.0', '@fn-kit/functions': '0.1.0', [RUNTIME_MODULE_STUB.name]: '1.0.0' };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fn-kit-next-compat', private: true, dependencies }, null, 2));
}

/** Path segments that give a file a role (lib/file-role.ts): the temp dir must not contain them. */
const ROLE_SEGMENTS = /(?:^|[\\/])(?:app|pages|src)(?:[\\/]|$)/;

/**
 * A fresh project for `version` under the system temp dir. The caller removes it. Its path
 * holds no `app`, `pages` or `src` segment, so the file roles of what is written into it
 * come from the paths inside it alone.
 */
export function createNextProject(version: string): string {
  const install = nextInstall(version);
  const dir = mkdtempSync(join(tmpdir(), `fn-kit-next-${version}-`));
  if (ROLE_SEGMENTS.test(dir)) throw new Error(`the temp dir ${dir} has an app/pages/src segment: set TMPDIR elsewhere`);
  linkPackages(install, dir);
  for (const name of FROM_REPO) link(join(REPO_ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  const stub = join(dir, 'node_modules', RUNTIME_MODULE_STUB.name);
  mkdirSync(stub, { recursive: true });
  writeFileSync(join(stub, 'package.json'), JSON.stringify({ name: RUNTIME_MODULE_STUB.name, version: '1.0.0', types: 'index.d.ts' }));
  writeFileSync(join(stub, 'index.d.ts'), RUNTIME_MODULE_STUB.types);
  writePackageJson(dir, version);
  // What `next dev` writes into a TypeScript project.
  writeFileSync(join(dir, 'next-env.d.ts'), '/// <reference types="next" />\n/// <reference types="next/image-types/global" />\n');
  return dir;
}
