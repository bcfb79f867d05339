/**
 * Process-wide state of the portable request context. It lives on `globalThis` under a
 * `Symbol.for` key so that the ESM and CommonJS copies of this package (and two installed
 * copies) share one AsyncLocalStorage, one task list and one reporter: a task registered
 * through `require` is visible to a `drain()` imported with `import`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BackgroundErrorReporter } from './reporter-types.js';
import type { RequestScope } from './request-scope.js';
import type { TrackedTask } from './tracked-task.js';

const REGISTRY_KEY = Symbol.for('@fn-kit/functions/portable-request-context@1');

export interface Registry {
  readonly storage: AsyncLocalStorage<RequestScope>;
  /** Every background task not yet settled or cut off, tracked or not. */
  readonly pending: Set<TrackedTask>;
  /** Errors already reported (objects). */
  readonly reportedObjects: WeakSet<object>;
  /** Errors already reported (primitives, keyed by type and value); bounded. */
  readonly reportedPrimitives: Set<string>;
  reporter: BackgroundErrorReporter | undefined;
  warnedUntracked: boolean;
}

export function registry(): Registry {
  const host = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  let state = host[REGISTRY_KEY];
  if (!state) {
    state = {
      storage: new AsyncLocalStorage<RequestScope>(),
      pending: new Set(),
      reportedObjects: new WeakSet(),
      reportedPrimitives: new Set(),
      reporter: undefined,
      warnedUntracked: false,
    };
    Object.defineProperty(host, REGISTRY_KEY, { value: state, enumerable: false, configurable: true, writable: true });
  }
  return state;
}

/** The portable request scope of the current async context, if any. */
export function currentScope(): RequestScope | undefined {
  return registry().storage.getStore();
}

/**
 * Forgets the process-wide state (reported errors, the one-time warning, the reporter).
 * Internal: for test isolation only; not exported from the package.
 */
export function resetRegistryForTests(): void {
  const host = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  delete host[REGISTRY_KEY];
}
