/**
 * A module of the project read for facts: its text, and on demand its ESTree (the rules'
 * flavour: typescript-estree without type information) with scope analysis, so the same
 * syntactic analysis runs on it as on the file being linted. Read and parsed at most once
 * per process and file version (path + mtime + size); a file too large or unparseable is
 * "unknown" (undefined), never an error.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { analyze, type ScopeManager } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { ScopeSource } from '../estree/scope.js';
import { statPath } from './file-view.js';

export interface ParsedModule extends ScopeSource {
  readonly path: string;
  readonly text: string;
  readonly ast: TSESTree.Program;
}

/** Bounds: modules bigger than this are not read (generated bundles, vendored code). */
export const MAX_MODULE_BYTES = 512 * 1024;
/** Bounds: at most this many module versions are kept; the oldest are dropped first. */
export const MAX_CACHED_MODULES = 4000;
/**
 * Bounds: at most this many parsed modules (ESTree + scope analysis, a few hundred KB each) are
 * kept, the least recently used dropped first. Facts outlive them (the index remembers facts
 * per export), so a dropped module is parsed again only for a question not asked before.
 * Keeping every parsed module made the heap grow by ~300 KB a module, and every garbage
 * collection of a long lint run pay for it.
 */
export const MAX_PARSED_MODULES = 24;

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly text: string | undefined;
  parsed?: ParsedModule | null;
}

const cache = new Map<string, Entry>();
/** The entries holding a parsed module, least recently used first. */
const parsedEntries = new Map<string, Entry>();
let parseCount = 0;

/** How many parses this process made (for the bench and the cache tests). */
export function moduleParseCount(): number {
  return parseCount;
}

/** The current entry of `path`, re-read when the file changed. */
function entryOf(path: string): Entry | undefined {
  const stat = statPath(path);
  if (!stat?.isFile()) return undefined;
  const known = cache.get(path);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
  let text: string | undefined;
  if (stat.size <= MAX_MODULE_BYTES) {
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
  }
  const entry: Entry = { mtimeMs: stat.mtimeMs, size: stat.size, text };
  cache.delete(path);
  cache.set(path, entry);
  if (cache.size > MAX_CACHED_MODULES) cache.delete(cache.keys().next().value as string);
  return entry;
}

/** The module's text (cheap gates look at it before anything is parsed). */
export function moduleText(path: string): string | undefined {
  return entryOf(path)?.text;
}

export function loadModule(path: string): ParsedModule | undefined {
  const entry = entryOf(path);
  if (!entry?.text) return undefined;
  if (entry.parsed === undefined) entry.parsed = parseModule(path, entry.text) ?? null;
  parsedEntries.delete(path);
  parsedEntries.set(path, entry);
  if (parsedEntries.size > MAX_PARSED_MODULES) {
    const [oldest, dropped] = parsedEntries.entries().next().value as [string, Entry];
    parsedEntries.delete(oldest);
    dropped.parsed = undefined;
  }
  return entry.parsed ?? undefined;
}

/** Parses `text` as the module at `path` (a version not on disk yet: a codemod's file in memory). */
export function parseModule(path: string, text: string): ParsedModule | undefined {
  const ext = extname(path);
  let ast: TSESTree.Program;
  let scopeManager: ScopeManager;
  try {
    parseCount++;
    // `.ts` files may hold `<T>x` casts, which JSX would misread.
    ast = parse(text, { range: true, loc: true, jsx: ext !== '.ts' && ext !== '.mts' && ext !== '.cts' });
    // No implicit lib globals: an undeclared name is global either way, and they cost half the analysis.
    scopeManager = analyze(ast, { sourceType: 'module', lib: [] });
  } catch {
    return undefined;
  }
  setParents(ast);
  const getScope = (node: TSESTree.Node): TSESLint.Scope.Scope => {
    const inner = node.type !== 'Program';
    for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
      const scope = scopeManager.acquire(n, inner);
      if (scope) {
        const found = scope.type === 'function-expression-name' ? (scope.childScopes[0] ?? scope) : scope;
        return found as unknown as TSESLint.Scope.Scope;
      }
    }
    return scopeManager.scopes[0] as unknown as TSESLint.Scope.Scope;
  };
  return { path, text, ast, getScope };
}

/** ESLint sets `parent` while it traverses; a module parsed here gets it the same way. */
function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const keys = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
    for (const key of keys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) attach(child, node, stack);
      } else if (isNode(value)) attach(value, node, stack);
    }
  }
}

function attach(child: TSESTree.Node, parent: TSESTree.Node, stack: TSESTree.Node[]): void {
  (child as { parent?: TSESTree.Node }).parent = parent;
  stack.push(child);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
