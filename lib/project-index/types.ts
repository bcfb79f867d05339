/**
 * The project index's public shape: what the rules and codemods may ask about a module of
 * the user's own project (never node_modules, except the catalog's library facts).
 * Every answer is "known" or undefined (unknown): unknown never leads to a report.
 */

/** Where something is: an absolute path and a 1-based line. */
export interface SourceSpot {
  readonly file: string;
  readonly line: number;
}

/** A library client an export holds (`export const db = createClient(...)`), keyed into catalog/libraries.ts. */
export interface ClientRef {
  /** `LibraryFacts.name` of the catalog entry. */
  readonly library: string;
  /** Index into that entry's `clients`. */
  readonly client: number;
}

export interface ExportFacts {
  /** Calling it returns a promise (async function, or returns one the syntactic analysis knows). */
  readonly returnsPromise: boolean;
  /** It is an export of the functions API / Next.js under another name: re-exported, `export *`, or a wrapper. */
  readonly api?: { readonly module: string; readonly name: string; readonly wrapper: boolean };
  /** Calling it starts background work that it drops (not awaited, returned or handed off): where. */
  readonly dropsWork?: SourceSpot;
  /** The export is (or is made as) a library client of the catalog. */
  readonly client?: ClientRef;
  /** The export is a library's own export re-exported (`export { put } from '@vercel/blob'`). */
  readonly libraryExport?: { readonly module: string; readonly name: string };
}

export interface ProjectIndexOptions {
  /** Off: every question answers undefined (settings.fn.projectIndex === false). */
  readonly enabled: boolean;
}

export interface ProjectIndex {
  /** The absolute file `specifier` resolves to from `fromFile`, or undefined (a package, missing, out of bounds). */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** Facts about export `name` (`default` for the default export) of the module `specifier` imported from `fromFile`. */
  exportFacts(fromFile: string, specifier: string, name: string): ExportFacts | undefined;
}
