/**
 * One background task the library waits for: a `waitUntil`/`after` promise or an `after`
 * callback. `settled` resolves when the task settles or is cut off, whichever comes first.
 */
import { registry } from './registry.js';

export type TaskSource = 'waitUntil' | 'after';

export class TrackedTask {
  done = false;
  readonly settled: Promise<void>;
  private resolveSettled!: () => void;

  constructor(
    readonly source: TaskSource,
    private readonly onFinish?: (task: TrackedTask) => void,
  ) {
    this.settled = new Promise<void>((resolve) => {
      this.resolveSettled = resolve;
    });
    registry().pending.add(this);
  }

  /** Stops waiting for the task (it settled, or its budget ran out). Idempotent. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    registry().pending.delete(this);
    this.onFinish?.(this);
    this.resolveSettled();
  }
}

/** True for promises and other thenables. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    ((typeof value === 'object' && value !== null) || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Runs `fn` on a later macrotask (after pending I/O callbacks such as a socket write). */
export function onLaterTurn(fn: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(fn);
  else setTimeout(fn, 0);
}
