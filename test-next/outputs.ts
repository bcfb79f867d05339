/**
 * What the fix type checks check: the outputs of fn-kit's fixes, each with where it came
 * from, so a failure names the rule and messageId or the codemod and fixture that produced it.
 */
import type { Case } from './cases.js';

export type Tool = 'eslint' | 'codemod-fixture' | 'codemod-run';

export interface FixOutput {
  readonly tool: Tool;
  /** What produced it: `fn/valid-after unstableAfterRemoved (autofix)`, `codemod wait-until-to-after route-merge (real run)`. */
  readonly origins: string[];
  /** Counting keys, one per origin (`fn/valid-after:unstableAfterRemoved:autofix`, `wait-until-to-after:run`). */
  readonly categories: string[];
  readonly case: Case;
  /** The input file it came from, relative to the case root; the output sits at the same path. */
  readonly path: string;
  readonly text: string;
  /**
   * Whether it is meant to repair `unstable_after` where next/server no longer exports it
   * (fn/valid-after's autofix as `eslint --fix` applies it, the unstable-after-to-after
   * transform): then it must type-check even though its input does not.
   */
  upgrade: boolean;
}

/** Outputs with the same case, path and text are one output with several origins. */
export class OutputSet {
  private readonly byKey = new Map<string, FixOutput>();

  add(output: Omit<FixOutput, 'origins' | 'categories' | 'upgrade'>, origin: string, category: string, upgrade = false): void {
    const key = `${output.tool}\0${output.case.id}\0${output.path}\0${output.text}`;
    const known = this.byKey.get(key);
    if (known) {
      known.origins.push(origin);
      known.categories.push(category);
      known.upgrade ||= upgrade;
      return;
    }
    this.byKey.set(key, { ...output, origins: [origin], categories: [category], upgrade });
  }

  get all(): FixOutput[] {
    return [...this.byKey.values()];
  }
}
