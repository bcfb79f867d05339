/**
 * The module aliases a project's tsconfig.json / jsconfig.json declares: `baseUrl` and
 * `paths`, with relative `extends` chains followed (a package named in `extends` is not
 * read: such shared bases rarely hold paths, and paths are relative to their own file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseJsonc } from './jsonc.js';

export interface PathAliases {
  /** The config file that holds them (for messages and tests). */
  readonly configFile: string;
  /** Absolute `baseUrl`, when set: bare specifiers are also tried against it. */
  readonly baseUrl?: string;
  /** `paths` patterns, longest prefix first; targets are absolute (with at most one `*`). */
  readonly paths: readonly { readonly pattern: string; readonly targets: readonly string[] }[];
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS = 8;
const byDir = new Map<string, PathAliases | null>();

/** The aliases of the nearest tsconfig.json / jsconfig.json above `dir` (cached per directory). */
export function pathAliasesFor(dir: string): PathAliases | undefined {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let found: PathAliases | null = null;
  const configFile = CONFIG_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
  if (configFile) found = readAliases(configFile) ?? null;
  else {
    const parent = dirname(dir);
    found = parent === dir ? null : (pathAliasesFor(parent) ?? null);
  }
  byDir.set(dir, found);
  return found ?? undefined;
}

interface RawOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** The directory `paths` are relative to when there is no baseUrl: the file that set them. */
  pathsDir?: string;
}

function readOptions(file: string, depth: number): RawOptions {
  const json = readJson(file);
  if (!json) return {};
  const dir = dirname(file);
  let inherited: RawOptions = {};
  const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  for (const base of bases) {
    if (typeof base !== 'string' || depth >= MAX_EXTENDS || !/^\.\.?\//.test(base)) continue;
    const path = resolve(dir, base);
    const baseFile = existsSync(path) ? path : existsSync(`${path}.json`) ? `${path}.json` : undefined;
    if (baseFile) inherited = { ...inherited, ...definedOnly(readOptions(baseFile, depth + 1)) };
  }
  const options = (json.compilerOptions ?? {}) as Record<string, unknown>;
  const own: RawOptions = {};
  if (typeof options.baseUrl === 'string') own.baseUrl = resolve(dir, options.baseUrl);
  if (isPaths(options.paths)) {
    own.paths = options.paths;
    own.pathsDir = dir;
  }
  return { ...inherited, ...definedOnly(own) };
}

function readAliases(configFile: string): PathAliases | undefined {
  const options = readOptions(configFile, 0);
  const base = options.baseUrl ?? options.pathsDir;
  const paths = Object.entries(options.paths ?? {})
    .filter(([pattern]) => pattern.split('*').length <= 2)
    .map(([pattern, targets]) => ({ pattern, targets: base ? targets.map((t) => resolve(base, t)) : [] }))
    .sort((a, b) => prefixLength(b.pattern) - prefixLength(a.pattern));
  return { configFile, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), paths };
}

/** The candidate paths a specifier maps to under `paths` (the best-matching pattern only, as TypeScript does). */
export function applyPaths(aliases: PathAliases, specifier: string): readonly string[] {
  for (const { pattern, targets } of aliases.paths) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) return targets;
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    const middle = specifier.slice(prefix.length, specifier.length - suffix.length);
    return targets.map((t) => t.replace('*', middle));
  }
  return [];
}

function prefixLength(pattern: string): number {
  const star = pattern.indexOf('*');
  return star < 0 ? Number.MAX_SAFE_INTEGER : star;
}

function isPaths(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((targets) => Array.isArray(targets) && targets.every((t) => typeof t === 'string'))
  );
}

function definedOnly(options: RawOptions): RawOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as RawOptions;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value = parseJsonc(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
