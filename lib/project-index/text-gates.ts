/**
 * Cheap checks on a module's text before it is parsed: a module that cannot hold the fact
 * asked about is never parsed for it. Each check has no false negatives for what it guards.
 */
import { mentionsApiModule, NEXT_FACTS, PLATFORM_BINDINGS_PARAM, PLATFORM_BINDINGS_TYPES } from '../catalog.js';
import { PLATFORM_BINDING_PROMISE_METHODS } from '../library-facts.js';

/** `from '…'` / `require('…')` / `import('…')` specifiers a module names (imports and re-exports alike). */
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s*)(['"])([^'"\n]+)\1/gm;

export interface ModuleMentions {
  /** The module names an API module (or a configured runtime module, or next/server for `after`). */
  readonly api: boolean;
  /** Every module specifier it names. */
  readonly specifiers: readonly string[];
}

/**
 * What a module's text names: an API module itself, and the modules it imports or re-exports
 * (an API alias reaches an API module through them: a barrel, a wrapper of a re-export).
 */
export function moduleMentions(text: string, runtimeModules: readonly string[]): ModuleMentions {
  const specifiers = [...text.matchAll(SPECIFIER)].map((m) => m[2]!);
  return { api: mentionsApiModule(text, runtimeModules) || text.includes(NEXT_FACTS.afterModule), specifiers };
}

/**
 * May any export of the module give a promise, drop one, be a library client or the API? All
 * of those need a promise source written in the module (async, await, Promise, fetch, a
 * chain, a dynamic import) or something imported (a library, another module, the API).
 * A module of plain synchronous helpers (most of `lib/utils`) is never parsed. A call on a
 * binding of a helper's bindings parameter (`env.LINKS.put(…)`) is a promise source too.
 */
const FACT_SOURCES = /\basync\b|\bawait\b|\bPromise\b|\bfetch\s*\(|\.(?:then|catch|finally)\s*\(|\bimport\b|\brequire\s*\(|\bexport\s*(?:\*|\{[^}]*\}\s*from)/;

/** A call of a method that gives a promise on a Cloudflare binding (`.put(`, `.send(`: the catalog's names). */
const BINDING_METHOD = new RegExp(`\\.(?:${[...PLATFORM_BINDING_PROMISE_METHODS].join('|')})\\s*\\(`);
/** How a helper names the bindings it is handed (the catalog's parameter and type names). */
const BINDINGS_NAMES = new RegExp(`\\b(?:${[PLATFORM_BINDINGS_PARAM, ...PLATFORM_BINDINGS_TYPES].join('|')})\\b`);

export function mayHaveFacts(text: string): boolean {
  // A helper handed the bindings starts work without any other promise source: `env.LINKS.put(k, v)`.
  return FACT_SOURCES.test(text) || (BINDING_METHOD.test(text) && BINDINGS_NAMES.test(text));
}
