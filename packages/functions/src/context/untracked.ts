/**
 * Background work scheduled outside any request context. It still runs; `drain()` still
 * waits for it; a rejection is reported (once per distinct error) instead of becoming an
 * unhandled rejection; and a one-time warning says the task is untracked (not in
 * production, where the platform or `withRequestContext` is expected to be in place).
 */
import { registry } from './registry.js';
import { reportBackgroundError } from './reporter.js';
import { onLaterTurn, TrackedTask, type TaskSource } from './tracked-task.js';

function isProduction(): boolean {
  return typeof process !== 'undefined' && process.env?.NODE_ENV === 'production';
}

function warnOnce(source: TaskSource): void {
  const state = registry();
  if (state.warnedUntracked || isProduction()) return;
  state.warnedUntracked = true;
  console.warn(
    `[fn-kit] ${source}() was called outside a request context: the task runs, but nothing keeps ` +
      'the function alive for it after the response. Wrap the handler with withRequestContext() ' +
      'from @fn-kit/functions (or run on the platform). This warning is shown once, and never when ' +
      'NODE_ENV=production.',
  );
}

export function trackUntrackedPromise(promise: PromiseLike<unknown>, source: TaskSource): void {
  warnOnce(source);
  const task = new TrackedTask(source);
  Promise.resolve(promise).then(
    () => task.finish(),
    (error: unknown) => {
      reportBackgroundError(error, { kind: 'rejected', source, tracked: false });
      task.finish();
    },
  );
}

/** Runs `callback` on a later turn (there is no response to wait for) and returns its promise. */
export function runCallbackLater(callback: () => unknown): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    onLaterTurn(() => {
      try {
        resolve(callback());
      } catch (error) {
        reject(error);
      }
    });
  });
}
