import { registry } from './registry.js';

export interface DrainResult {
  /** `true` when every background task settled (or was cut off) in time. */
  drained: boolean;
  /** Tasks still pending when `drain` returned (0 when drained). */
  pending: number;
}

/**
 * Resolves once every background task the library knows about has settled or been cut
 * off: tasks of every request context, and untracked ones. Tasks added while draining
 * are waited for too. With `timeoutMs`, resolves after that long at the latest (with
 * `drained: false`). Never rejects. For graceful shutdown and tests.
 *
 * @throws RangeError (synchronously) for a negative or NaN `timeoutMs`.
 */
export function drain(timeoutMs?: number): Promise<DrainResult> {
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0)) {
    throw new RangeError(`drain: timeoutMs must be a non-negative number of milliseconds, got ${String(timeoutMs)}`);
  }
  return waitForPending(timeoutMs);
}

async function waitForPending(timeoutMs: number | undefined): Promise<DrainResult> {
  const { pending } = registry();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut =
    timeoutMs === undefined || !Number.isFinite(timeoutMs)
      ? new Promise<false>(() => {})
      : new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
  try {
    while (pending.size > 0) {
      const allSettled = Promise.all([...pending].map((task) => task.settled)).then(() => true as const);
      if (!(await Promise.race([allSettled, timedOut]))) return { drained: false, pending: pending.size };
    }
    return { drained: true, pending: 0 };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
