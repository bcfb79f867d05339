/**
 * The file system as the index sees it while one file is linted: each path is stat'ed at most
 * once per view. A lint of one file asks about the same imported modules many times (every
 * rule, every call, every memo check); their versions cannot change in between in a way the
 * result could use. A view starts when the rules see a new file (rules/utils/project-index.ts);
 * without one (the codemods, which write files as they go) every question stats afresh.
 */
import { statSync, type Stats } from 'node:fs';

let view: Map<string, Stats | null> | undefined;

/** Starts a new view (the previous one ends): the next file is being linted. */
export function openFileView(): void {
  view = new Map();
}

/** `statSync` without throwing: undefined when the path is missing or unreadable. */
export function statPath(path: string): Stats | undefined {
  const known = view?.get(path);
  if (known !== undefined) return known ?? undefined;
  let stat: Stats | undefined;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  view?.set(path, stat ?? null);
  return stat;
}
