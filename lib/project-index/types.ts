/**
 * The project index's public shape: what the rules and codemods may ask about a module of
 * the user's own project (never node_modules, except the catalog's library facts).
 * Every answer is "known" or undefined (unknown): unknown never leads to a report.
 */
import type { CallResult } from '../catalog.js';
import type { ParamPath } from '../frameworks/types.js';

export type { CallResult };

/** Where something is: an absolute path and a 1-based line. */
export interface SourceSpot {
  readonly file: string;
  readonly line: number;
}

/** A library client of the catalog (lib/library-facts.ts): a library's name and the index of the client in it. */
export interface ClientRef {
  /** `LibraryFacts.name` of the catalog entry. */
  readonly library: string;
  /** Index into that entry's `clients`. */
  readonly client: number;
}

/** The functions API (or Next.js's `after`) under another name. */
export interface ApiAlias {
  readonly module: string;
  readonly name: string;
  /**
   * false: the export IS the API's (re-exported, `export *`, or `export const bg = waitUntil`).
   * true: a function of the project's that hands its argument `param` to it
   * (`(p) => waitUntil(p)`), or returns its result (`() => getVercelOidcToken()`).
   */
  readonly wrapper: boolean;
  /** For a hand-off wrapper: which argument goes to the API function. */
  readonly param?: number;
}

/** Method name -> what calling it gives. */
export type MethodResults = Readonly<Record<string, CallResult>>;

export interface ExportFacts {
  /** What calling it gives: a promise, a lazy thenable, or known not a promise; undefined when unknown. */
  readonly result?: CallResult;
  /** It is an export of the functions API / Next.js under another name. */
  readonly api?: ApiAlias;
  /**
   * Calling it starts background work that it drops (not awaited, returned or handed off):
   * where; `reportedThere` when that code is request-handling code of its own module (a
   * server action, a route handler), so linting that module reports it already.
   */
  readonly dropsWork?: SourceSpot & { readonly reportedThere: boolean };
  /** The export is (or is made as) a library client of the catalog (`export const db = createClient(…)`). */
  readonly client?: ClientRef;
  /** Calling it gives a library client (`export async function createClient() { return createServerClient(…) }`). */
  readonly returnsClient?: ClientRef;
  /**
   * What calling a method on the export gives: a class's static methods, or the methods of an
   * instance (`export const audit = new AuditLog()`). Only methods with a known result.
   */
  readonly methods?: MethodResults;
  /** A class export: what the methods of its instances give (`new AuditLog().record(e)`). */
  readonly instanceMethods?: MethodResults;
  /** The export is a library's own export re-exported (`export { put } from '@vercel/blob'`). */
  readonly libraryExport?: { readonly module: string; readonly name: string };
}

export interface ProjectIndexOptions {
  /** Off: every question answers undefined (settings.fn.projectIndex === false). */
  readonly enabled: boolean;
  /** Modules that are the API too (settings.fn.runtimeModules / --runtime-module). */
  readonly runtimeModules: readonly string[];
}

export interface ProjectIndex {
  readonly enabled: boolean;
  /** The absolute file `specifier` resolves to from `fromFile`, or undefined (a package, missing, out of bounds). */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** Facts about export `name` (`default` for the default export) of the module `specifier` imported from `fromFile`. */
  exportFacts(fromFile: string, specifier: string, name: string): ExportFacts | undefined;
  /**
   * Only the API alias of an export, behind a cheap text check (a module that neither names
   * an API module nor re-exports anything is never parsed for this question).
   */
  apiAlias(fromFile: string, specifier: string, name: string): ApiAlias | undefined;
  /**
   * What the expression spanning [start, end) of `text` (the current text of `file`, which may
   * not be on disk yet) gives, every path considered ('certain'): for the codemods, which ask
   * by position instead of analysing their own AST flavour again.
   */
  expressionKind(file: string, text: string, start: number, end: number, handlers?: readonly HandlerSpan[]): CallResult | undefined;
}

/**
 * A request handler of the file being rewritten, by the source range of its function, with the
 * path to the host's bindings from its parameters: calls on them (`c.env.LINKS.put(…)`) are
 * known promises only inside a handler, which the codemod knows and the index does not.
 */
export interface HandlerSpan {
  readonly start: number;
  readonly end: number;
  readonly bindings: ParamPath;
}
