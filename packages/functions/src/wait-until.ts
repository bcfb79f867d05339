import { schedulePromise } from './context/schedule.js';
import { isThenable } from './context/tracked-task.js';
import { UPSTREAM_MESSAGES } from './upstream-messages.js';

/**
 * Extends the request's lifetime until `promise` settles, without delaying the response.
 *
 * On the platform the promise goes to the platform's request context. Inside
 * {@link withRequestContext} the library tracks it itself (reports a rejection, cuts it
 * off after `timeoutMs`, lets {@link drain} wait for it). Outside both it still runs, and a
 * rejection is reported instead of crashing the process.
 *
 * @throws TypeError when `promise` is not a promise (a function, say: call it first).
 * @example
 * ```ts
 * export function GET() {
 *   waitUntil(sendAnalytics());
 *   return new Response('OK');
 * }
 * ```
 */
export function waitUntil(promise: Promise<unknown>): void {
  if (!isThenable(promise) || typeof promise === 'function') {
    throw new TypeError(UPSTREAM_MESSAGES.waitUntilNotPromise(typeof promise));
  }
  schedulePromise(promise, 'waitUntil');
}
