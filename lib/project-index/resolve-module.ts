/**
 * Where an import of the project's own code leads: relative paths, tsconfig/jsconfig
 * `baseUrl` + `paths`, package.json `imports` (`#…`), index files, and TypeScript's mapping
 * of a `.js` specifier to the `.ts` source. A package (or anything under node_modules) is
 * never followed: the answer is undefined, which every caller treats as unknown.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { statPath } from './file-view.js';
import { applyPackageImports } from './package-imports.js';
import { applyPaths, pathAliasesFor } from './tsconfig-paths.js';

/** Source files the index reads, in the order TypeScript and bundlers try them. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** A `.js`-family specifier may name the TypeScript source it compiles from. */
const SOURCE_FOR_OUTPUT: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

const NODE_MODULES = `${sep}node_modules${sep}`;

/** A directory's entries (files and directories), re-read when the directory changes (an entry added or removed). */
interface Listing {
  readonly mtimeMs: number;
  readonly files: ReadonlySet<string>;
  readonly dirs: ReadonlySet<string>;
}

const listings = new Map<string, Listing | null>();
const MAX_LISTINGS = 4000;

function listingOf(dir: string): Listing | undefined {
  const stat = statPath(dir);
  if (!stat?.isDirectory()) return undefined;
  const known = listings.get(dir);
  if (known && known.mtimeMs === stat.mtimeMs) return known;
  const files = new Set<string>();
  const dirs = new Set<string>();
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile()) files.add(entry.name);
      else if (entry.isDirectory()) dirs.add(entry.name);
      else if (entry.isSymbolicLink()) {
        // Follow the link once, as the module loader would.
        const target = statPath(join(dir, entry.name));
        if (target?.isFile()) files.add(entry.name);
        else if (target?.isDirectory()) dirs.add(entry.name);
      }
    }
  } catch {
    return undefined;
  }
  const listing = { mtimeMs: stat.mtimeMs, files, dirs };
  listings.delete(dir);
  listings.set(dir, listing);
  if (listings.size > MAX_LISTINGS) listings.delete(listings.keys().next().value as string);
  return listing;
}

/** One listing per directory instead of a stat per candidate: probing tries up to 17 names. */
function isFile(path: string): boolean {
  return listingOf(dirname(path))?.files.has(basename(path)) ?? false;
}

function isDirectory(path: string): boolean {
  return listingOf(dirname(path))?.dirs.has(basename(path)) ?? false;
}

/** The source file a path without (or with) an extension stands for. */
export function probe(base: string): string | undefined {
  // Declarations hold no code to read facts from.
  if (base.includes(NODE_MODULES) || /\.d\.[cm]?ts$/.test(base)) return undefined;
  const ext = extname(base);
  if (ext && (SOURCE_EXTENSIONS as readonly string[]).includes(ext)) {
    if (isFile(base)) return base;
    const stem = base.slice(0, -ext.length);
    for (const alt of SOURCE_FOR_OUTPUT[ext] ?? []) if (isFile(stem + alt)) return stem + alt;
    return undefined;
  }
  for (const e of SOURCE_EXTENSIONS) if (isFile(base + e)) return base + e;
  if (isDirectory(base)) {
    for (const e of SOURCE_EXTENSIONS) if (isFile(`${base}${sep}index${e}`)) return `${base}${sep}index${e}`;
  }
  return undefined;
}

/** Whether a specifier can only name the project's own code (a path, not a package). */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** The project file `specifier` resolves to from `fromFile`, or undefined. */
export function resolveModule(fromFile: string, specifier: string): string | undefined {
  const dir = dirname(fromFile);
  if (isRelativeSpecifier(specifier)) return probe(resolve(dir, specifier));
  if (isAbsolute(specifier) || specifier.startsWith('node:') || specifier.includes('?')) return undefined;
  if (specifier.startsWith('#')) {
    const target = applyPackageImports(dir, specifier);
    return target === undefined ? undefined : probe(target);
  }
  const aliases = pathAliasesFor(dir);
  if (!aliases) return undefined;
  for (const candidate of applyPaths(aliases, specifier)) {
    const found = probe(candidate);
    if (found) return found;
  }
  return aliases.baseUrl ? probe(resolve(aliases.baseUrl, specifier)) : undefined;
}
