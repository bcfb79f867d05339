/**
 * Which Next.js version a linted file is built with, and whether a node may use Next's
 * `after()`: App Router code (app/**, middleware/proxy, server actions), never
 * `pages/api/**`, never a `'use client'` file, and only when the version has it
 * (>= 15.1 `after`, 15.0.x `unstable_after`). Shared by prefer-after and the
 * `after(...)` suggestion of no-floating-background-promise, so both always agree.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { NEXT_FACTS, type AfterSupport } from '../../lib/catalog.js';
import { afterSupport, findNextVersion, requestGeoIpRemoved, type NextVersionInfo } from '../../lib/next-version.js';
import { getRequestHandlers } from './request-handlers.js';
import { readFnSettings } from './settings.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface NextSupport {
  /** The version found, or undefined when the file is not in a Next.js project. */
  readonly next: NextVersionInfo | undefined;
  /** What the version offers: `after`, `unstable_after` or `none`. */
  readonly after: AfterSupport;
}

const byFile = new Map<string, NextSupport>();

/**
 * The Next.js version for the file being linted: `settings.fn.nextVersion` when set, else
 * the nearest package.json / installed `next` (lib/next-version caches lookups per directory).
 */
export function getNextSupport(context: Context): NextSupport {
  const { nextVersion } = readFnSettings(context);
  const key = `${nextVersion ?? ''}\0${context.filename}`;
  const cached = byFile.get(key);
  if (cached) return cached;
  let next: NextVersionInfo | undefined;
  try {
    next = findNextVersion(context.filename, nextVersion);
  } catch (error) {
    throw new Error(`fn-kit ESLint settings: settings.fn.nextVersion: ${(error as Error).message}`);
  }
  const support: NextSupport = { next, after: afterSupport(next?.version) };
  if (byFile.size > 5000) byFile.clear();
  byFile.set(key, support);
  return support;
}

/** The `next/server` export to use at `node`, or `none` when `after` does not apply there. */
export function afterExportAt(context: Context, node: TSESTree.Node): AfterSupport {
  const handlers = getRequestHandlers(context.sourceCode, context.filename);
  if (handlers.clientFile || handlers.pathRole.pagesApi) return 'none';
  const role = handlers.pathRole;
  const appCode = role.appRouter || role.middleware || handlers.serverActionsFile || isInInlineServerAction(context, node);
  if (!appCode) return 'none';
  return getNextSupport(context).after;
}

function isInInlineServerAction(context: Context, node: TSESTree.Node): boolean {
  const handlers = getRequestHandlers(context.sourceCode, context.filename);
  const handler = handlers.enclosingHandler(node);
  return handler !== undefined && handlers.kindOf(handler) === 'server-action';
}

/** The name `after` is imported under from `next/server` for a support level. */
export function afterImportName(support: Exclude<AfterSupport, 'none'>): string {
  return support === 'after' ? NEXT_FACTS.afterExport : NEXT_FACTS.unstableAfterExport;
}

/** The project's Next.js version when it has removed NextRequest `.geo` / `.ip` (Next 15), else null. */
export function requestGeoIpRemovedIn(context: Context): string | null {
  const next = getNextSupport(context).next;
  return next && requestGeoIpRemoved(next.version) ? next.version : null;
}
