/**
 * The project index (SPEC 5, "Whole-program analysis without type information"): follows a
 * file's imports into the project's own modules and answers, per export, what calling it
 * gives, whether it is the functions API under another name, and whether it drops work.
 * One per process and settings; the rules and the codemods share it.
 *
 * Cost is bounded: a module is parsed at most once per version (parsed-module.ts), a chain
 * of re-exports or calls is followed at most MAX_DEPTH modules deep, a cycle ends in
 * "unknown", and a question about the API alone first checks the module's text.
 * Facts are remembered per module version together with the versions of every module they
 * were read from, so a changed import changes the answer in the same process.
 */
import { dirname } from 'node:path';
import { moduleExports, type CallResult } from '../catalog.js';
import { factsOfImport, factsOfLocal, type FactsContext } from './export-facts.js';
import { exportTableOf } from './export-table.js';
import { loadModule, moduleText, type ParsedModule } from './parsed-module.js';
import { resolveModule } from './resolve-module.js';
import { expressionKind } from './source-expressions.js';
import { mayHaveFacts, moduleMentions } from './text-gates.js';
import type { ApiAlias, ExportFacts, HandlerSpan, ProjectIndex, ProjectIndexOptions } from './types.js';

export type { ApiAlias, ExportFacts, HandlerSpan, ProjectIndex, ProjectIndexOptions } from './types.js';

/** How many modules deep a question may lead (re-export chains, helpers calling helpers). */
export const MAX_DEPTH = 6;

interface Memo {
  readonly facts: ExportFacts | undefined;
  /** Every module read while computing them, with the text read (gated-out modules too). */
  readonly deps: ReadonlyMap<string, string>;
}

class Index implements ProjectIndex {
  readonly enabled: boolean;
  private readonly runtimeModules: readonly string[];
  private readonly resolved = new Map<string, string | null>();
  private readonly factGates = new Map<string, { text: string; result: boolean }>();
  private readonly apiReach = new Map<string, { text: string; result: boolean }>();
  private readonly memo = new Map<string, Memo>();
  /** The modules read by each question in progress (innermost last). */
  private readonly frames: Map<string, string>[] = [];
  private readonly visiting = new Set<string>();
  /** Questions cut short by a cycle or the depth bound: their partial answers are not remembered. */
  private cuts = 0;
  private readonly context: FactsContext;

  constructor(options: ProjectIndexOptions) {
    this.enabled = options.enabled;
    this.runtimeModules = options.runtimeModules;
    this.context = {
      index: this,
      runtimeModules: this.runtimeModules,
      importedFacts: (fromFile, module, name) => this.exportFacts(fromFile, module, name),
    };
  }

  resolve(fromFile: string, specifier: string): string | undefined {
    if (!this.enabled) return undefined;
    const key = `${dirname(fromFile)}\0${specifier}`;
    let found = this.resolved.get(key);
    if (found === undefined) {
      found = resolveModule(fromFile, specifier) ?? null;
      this.resolved.set(key, found);
    }
    return found ?? undefined;
  }

  exportFacts(fromFile: string, specifier: string, name: string): ExportFacts | undefined {
    const path = this.resolve(fromFile, specifier);
    return path === undefined ? undefined : this.factsAt(path, name);
  }

  apiAlias(fromFile: string, specifier: string, name: string): ApiAlias | undefined {
    const path = this.resolve(fromFile, specifier);
    const text = path === undefined ? undefined : moduleText(path);
    if (path === undefined || text === undefined || !this.reachesApi(path)) return undefined;
    return this.factsAt(path, name)?.api;
  }

  expressionKind(file: string, text: string, start: number, end: number, handlers: readonly HandlerSpan[] = []): CallResult | undefined {
    return this.enabled ? expressionKind(this, this.runtimeModules, { file, text, handlers }, start, end) : undefined;
  }

  /** Whether a module may hold any fact at all (text check, remembered per module text). */
  private mayHaveFacts(path: string, text: string): boolean {
    const known = this.factGates.get(path);
    if (known?.text === text) return known.result;
    const result = mayHaveFacts(text);
    this.factGates.set(path, { text, result });
    return result;
  }

  /**
   * Whether an API module is reachable from `path` through the modules it names (imports and
   * re-exports), by their text alone: no API alias without one, so nothing else is parsed for
   * an API question (package code is full of `export *` barrels). Each module's answer is
   * remembered per its text (a walk over the import graph visits a module once per process);
   * a module whose own text is unchanged keeps its answer (an alias added two modules away is
   * seen once the module itself changes, or in the next run). A "no" only ever means unknown.
   */
  private reachesApi(root: string): boolean {
    const visited = new Map<string, string>();
    const walk = (path: string): boolean => {
      if (visited.has(path)) return false;
      const text = moduleText(path);
      if (text === undefined) return false;
      const known = this.apiReach.get(path);
      if (known?.text === text) return known.result;
      visited.set(path, text);
      const mentions = moduleMentions(text, this.runtimeModules);
      return (
        mentions.api ||
        mentions.specifiers.some((specifier) => {
          const target = this.resolve(path, specifier);
          return target !== undefined && walk(target);
        })
      );
    };
    const result = walk(root);
    const rootText = visited.get(root);
    // A "no" explored everything reachable: none of those modules reaches the API either.
    if (!result) for (const [path, text] of visited) this.apiReach.set(path, { text, result: false });
    else if (rootText !== undefined) this.apiReach.set(root, { text: rootText, result: true });
    return result;
  }

  private factsAt(path: string, name: string): ExportFacts | undefined {
    const key = `${path}#${name}`;
    if (this.visiting.has(key) || this.frames.length >= MAX_DEPTH) {
      this.cuts++;
      return undefined;
    }
    const text = moduleText(path);
    if (text !== undefined) this.noteRead(path, text);
    if (text === undefined || !this.mayHaveFacts(path, text)) return undefined;
    // Remembered facts need no parse (parsed modules are not all kept: parsed-module.ts).
    const known = this.memo.get(key);
    if (known && this.stillCurrent(known)) {
      for (const [p, m] of known.deps) this.noteRead(p, m);
      return known.facts;
    }
    const mod = loadModule(path);
    if (!mod) return undefined;
    const cutsBefore = this.cuts;
    const frame = new Map<string, string>([[path, text]]);
    this.frames.push(frame);
    this.visiting.add(key);
    let facts: ExportFacts | undefined;
    try {
      facts = this.compute(mod, name);
    } finally {
      this.visiting.delete(key);
      this.frames.pop();
    }
    if (this.cuts === cutsBefore) this.memo.set(key, { facts, deps: frame });
    for (const [p, m] of frame) this.noteRead(p, m);
    return facts;
  }

  private compute(mod: ParsedModule, name: string): ExportFacts | undefined {
    const table = exportTableOf(mod);
    const target = table.named.get(name);
    if (target) return target.kind === 'local' ? factsOfLocal(mod, name, target.value, this.context) : factsOfImport(mod, target, this.context);
    if (name === 'default') return undefined;
    for (const star of table.stars) {
      if (moduleExports(star, name, this.runtimeModules)) return factsOfImport(mod, { kind: 'import', module: star, name }, this.context);
      const facts = this.exportFacts(mod.path, star, name);
      if (facts) return facts;
    }
    return undefined;
  }

  private noteRead(path: string, text: string): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame && !frame.has(path)) frame.set(path, text);
  }

  /** Facts stay right while every module they were read from has the same text. */
  private stillCurrent(memo: Memo): boolean {
    for (const [path, text] of memo.deps) if (moduleText(path) !== text) return false;
    return true;
  }
}

const indexes = new Map<string, ProjectIndex>();

/** The process's index for these options. */
export function getProjectIndex(options: ProjectIndexOptions): ProjectIndex {
  const key = `${options.enabled}\0${options.runtimeModules.join('\0')}`;
  let index = indexes.get(key);
  if (!index) {
    index = new Index(options);
    indexes.set(key, index);
  }
  return index;
}
