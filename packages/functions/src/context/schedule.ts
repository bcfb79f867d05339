/**
 * Hands background work to whoever can keep it alive: the portable request scope (which
 * tracks it and also passes it on: to the platform's `waitUntil` when there is one, else
 * to the host's keeper the handler was given), else the platform's `waitUntil`, else the
 * untracked fallback. The platform and a host keeper passed to the handler are never both
 * handed a task: on the platform they are the same keeper.
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
    const task = scope.trackPromise(promise, source);
    if (platform) platform(promise as Promise<unknown>);
    else scope.keepAlive(task);
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
    if (platform) platform(task.settled);
    else scope.keepAlive(task);
  } else if (platform) {
    platform(runCallbackLater(callback));
  } else {
    trackUntrackedPromise(runCallbackLater(callback), source);
  }
}
