/**
 * Cheap checks on a module's text before it is parsed: a module that cannot hold the fact
 * asked about is never parsed for it. Each check has no false negatives for what it guards.
 */
import { API_FUNCTION_NAMES, mentionsApiModule, NEXT_FACTS } from '../catalog.js';

const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\}\s*from)/;

/**
 * Names that mark a module as possibly passing the API on (a wrapper or a re-export names the
 * API function at its first hop). Common words (`next`, `after`, `drain`, `rewrite`) are left
 * out: for `after`, the module must also import `next/server`.
 */
const COMMON_WORDS: ReadonlySet<string> = new Set(['next', 'rewrite', 'after', 'drain']);
const DISTINCT_API_NAMES: readonly string[] = API_FUNCTION_NAMES.filter((name) => !COMMON_WORDS.has(name));
const AFTER_WORD = /\b(?:unstable_)?after\b/;

/** May the module pass an API export on (re-export it, alias it, or wrap it)? */
export function mayAliasApi(text: string, runtimeModules: readonly string[]): boolean {
  return (
    mentionsApiModule(text, runtimeModules) ||
    REEXPORT.test(text) ||
    DISTINCT_API_NAMES.some((n) => text.includes(n)) ||
    (text.includes(NEXT_FACTS.afterModule) && AFTER_WORD.test(text))
  );
}

/**
 * May any export of the module give a promise, drop one, be a library client or the API? All
 * of those need a promise source written in the module (async, await, Promise, fetch, a
 * chain, a dynamic import) or something imported (a library, another module, the API).
 * A module of plain synchronous helpers (most of `lib/utils`) is never parsed.
 */
const FACT_SOURCES = /\basync\b|\bawait\b|\bPromise\b|\bfetch\s*\(|\.(?:then|catch|finally)\s*\(|\bimport\b|\brequire\s*\(|\bexport\s*(?:\*|\{[^}]*\}\s*from)/;

export function mayHaveFacts(text: string): boolean {
  return FACT_SOURCES.test(text);
}
