import { schedulePromise, scheduleCallback } from './context/schedule.js';
import { isThenable } from './context/tracked-task.js';

/** A callback `after` runs once the response has been sent. */
export type AfterCallback<T = unknown> = () => T | Promise<T>;
/** What `after` accepts: a promise (already running) or a callback (run later). */
export type AfterTask<T = unknown> = Promise<T> | AfterCallback<T>;

/**
 * Schedules work for after the response, with the signature of Next.js's `after`, for
 * code that is not Next.js: a callback runs once the response has been sent; a promise
 * is waited for like {@link waitUntil}. Inside {@link withRequestContext} both are tracked
 * (budget, reporting, {@link drain}); on the platform they go to its `waitUntil`; outside
 * any context a callback runs on the next turn of the event loop, untracked.
 *
 * @throws TypeError when `task` is neither a promise nor a function.
 */
export function after<T>(task: AfterTask<T>): void {
  if (typeof task === 'function') {
    scheduleCallback(task as AfterCallback<T>, 'after');
  } else if (isThenable(task)) {
    schedulePromise(task, 'after');
  } else {
    throw new TypeError(`after can only be called with a Promise or a function, got ${typeof task}`);
  }
}
