/**
 * Which Next.js version a file is built with, and what that version supports.
 * Shared by the ESLint rules and the codemods; cached per directory.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import semver from 'semver';
import { NEXT_FACTS, type AfterSupport } from './catalog.js';

export interface NextVersionInfo {
  /** A concrete version (`15.2.0`), or the lowest version a declared range allows. */
  readonly version: string;
  /** Where it came from, for messages: a package.json path or `settings`. */
  readonly source: string;
}

const byDir = new Map<string, NextVersionInfo | null>();

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Turns a declared version or range into the lowest concrete version it allows. */
export function normalizeNextVersion(spec: string): string | undefined {
  const trimmed = spec.trim().replace(/^npm:next@/, '');
  const exact = semver.valid(trimmed);
  if (exact) return exact;
  try {
    const min = semver.minVersion(trimmed);
    return min ? min.version : undefined;
  } catch {
    return undefined;
  }
}

function installedVersion(dir: string): string | undefined {
  const pkg = readJson(join(dir, 'node_modules', NEXT_FACTS.packageName, 'package.json'));
  return typeof pkg?.version === 'string' ? (semver.valid(pkg.version) ?? undefined) : undefined;
}

function declaredRange(dir: string): string | undefined {
  const pkg = readJson(join(dir, 'package.json'));
  if (!pkg) return undefined;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies'] as const) {
    const deps = pkg[field] as Record<string, unknown> | undefined;
    const range = deps?.[NEXT_FACTS.packageName];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

function lookup(dir: string): NextVersionInfo | null {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached;
  let found: NextVersionInfo | null = null;
  const installed = installedVersion(dir);
  const range = declaredRange(dir);
  if (installed) {
    // What is installed is what builds; it beats a declared range.
    found = { version: installed, source: join(dir, 'node_modules', NEXT_FACTS.packageName, 'package.json') };
  } else if (range !== undefined) {
    const min = normalizeNextVersion(range);
    if (min) found = { version: min, source: join(dir, 'package.json') };
  }
  if (!found) {
    const parent = dirname(dir);
    found = parent === dir ? null : lookup(parent);
  }
  byDir.set(dir, found);
  return found;
}

/**
 * The Next.js version for a file: `override` (settings.fn.nextVersion / --next-version)
 * when given, else the nearest package.json or installed `node_modules/next` upwards.
 */
export function findNextVersion(filename: string, override?: string): NextVersionInfo | undefined {
  if (override) {
    const version = normalizeNextVersion(override);
    if (!version) throw new Error(`Invalid Next.js version "${override}": expected a version such as 15.1.0`);
    return { version, source: 'settings' };
  }
  return lookup(dirname(resolve(filename))) ?? undefined;
}

/** What a Next.js version offers for running work after the response. */
export function afterSupport(version: string | undefined): AfterSupport {
  if (!version) return 'none';
  if (semver.gte(version, NEXT_FACTS.afterStableFrom)) return 'after';
  if (semver.gte(version, NEXT_FACTS.unstableAfterFrom)) return 'unstable_after';
  return 'none';
}

/**
 * The exports of `next/server` that run work after the response in a version: `unstable_after`
 * on 15.0.x, `after` from 15.1 (which dropped `unstable_after`), none before 15.
 */
export function afterExportsOf(version: string | undefined): string[] {
  if (!version) return [];
  const out: string[] = [];
  if (semver.gte(version, NEXT_FACTS.unstableAfterFrom) && semver.lt(version, NEXT_FACTS.unstableAfterRemovedIn)) {
    out.push(NEXT_FACTS.unstableAfterExport);
  }
  if (semver.gte(version, NEXT_FACTS.afterStableFrom)) out.push(NEXT_FACTS.afterExport);
  return out;
}

/**
 * The directory of the Next.js project the version was found in (where `next.config.*`
 * lives), or undefined when it came from settings.
 */
export function nextProjectDir(info: NextVersionInfo): string | undefined {
  if (info.source === 'settings') return undefined;
  const dir = dirname(info.source);
  // `<root>/node_modules/next/package.json` -> `<root>`
  return info.source.endsWith(join('node_modules', NEXT_FACTS.packageName, 'package.json')) ? dirname(dirname(dir)) : dir;
}

/** Whether `NextRequest.geo` / `.ip` are gone (Next 15 and later). */
export function requestGeoIpRemoved(version: string | undefined): boolean {
  return version !== undefined && semver.gte(version, NEXT_FACTS.requestGeoIpRemovedIn);
}

/** For tests: forget cached lookups. */
export function clearNextVersionCache(): void {
  byDir.clear();
}
