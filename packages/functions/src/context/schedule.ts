/**
 * Hands background work to whoever can keep it alive: the portable request scope (which
 * tracks it and, on the platform, also passes it on), else the platform's `waitUntil`,
 * else the untracked fallback.
 */
import { platformContext } from './platform-context.js';
import { currentScope } from './registry.js';
import type { TaskSource } from './tracked-task.js';
import { runCallbackLater, trackUntrackedPromise } from './untracked.js';

function platformWaitUntil(): ((promise: Promise<unknown>) => void) | undefined {
  const waitUntil = platformContext().waitUntil;
  return typeof waitUntil === 'function' ? waitUntil : undefined;
}

export function schedulePromise(promise: PromiseLike<unknown>, source: TaskSource): void {
  const scope = currentScope();
  const platform = platformWaitUntil();
  if (scope) {
    scope.trackPromise(promise, source);
    platform?.(promise as Promise<unknown>);
  } else if (platform) {
    platform(promise as Promise<unknown>);
  } else {
    trackUntrackedPromise(promise, source);
  }
}

export function scheduleCallback(callback: () => unknown, source: TaskSource): void {
  const scope = currentScope();
  const platform = platformWaitUntil();
  if (scope) {
    const task = scope.trackCallback(callback, source);
    platform?.(task.settled);
  } else if (platform) {
    platform(runCallbackLater(callback));
  } else {
    trackUntrackedPromise(runCallbackLater(callback), source);
  }
}
