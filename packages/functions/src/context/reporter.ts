/**
 * Where background-task errors go. Order of precedence: the `onError` option of the
 * enclosing `withRequestContext`, then the process-wide reporter set with
 * `setBackgroundErrorReporter`, then the default (`console.error`). Each distinct error is
 * reported once, however many tasks reject with it.
 */
import { registry } from './registry.js';
import type { BackgroundErrorInfo, BackgroundErrorReporter } from './reporter-types.js';

const MAX_REMEMBERED_PRIMITIVES = 1000;

/** Replaces (or with `undefined`, removes) the process-wide background error reporter. */
export function setBackgroundErrorReporter(reporter: BackgroundErrorReporter | undefined): void {
  if (reporter !== undefined && typeof reporter !== 'function') {
    throw new TypeError(`setBackgroundErrorReporter expects a function or undefined, got ${typeof reporter}`);
  }
  registry().reporter = reporter;
}

function describe(info: BackgroundErrorInfo): string {
  const where = info.tracked ? '' : ' (scheduled outside any request context)';
  if (info.kind === 'cut-off') {
    return `[fn-kit] A background task from ${info.source}()${where} was cut off: it had not settled ${info.timeoutMs} ms after the response was sent.`;
  }
  if (info.kind === 'host-refused') {
    return `[fn-kit] The host's waitUntil() refused a background task from ${info.source}(); it may be cut off when the response is sent:`;
  }
  return `[fn-kit] A background task from ${info.source}()${where} failed:`;
}

const defaultReporter: BackgroundErrorReporter = (error, info) => {
  console.error(describe(info), error);
};

/** True the first time an error is seen. */
function firstReport(error: unknown): boolean {
  const state = registry();
  if ((typeof error === 'object' && error !== null) || typeof error === 'function') {
    if (state.reportedObjects.has(error)) return false;
    state.reportedObjects.add(error);
    return true;
  }
  const key = `${typeof error}:${String(error)}`;
  if (state.reportedPrimitives.has(key)) return false;
  if (state.reportedPrimitives.size >= MAX_REMEMBERED_PRIMITIVES) state.reportedPrimitives.clear();
  state.reportedPrimitives.add(key);
  return true;
}

/** Reports a background error once; never throws. */
export function reportBackgroundError(
  error: unknown,
  info: BackgroundErrorInfo,
  scopeReporter?: BackgroundErrorReporter,
): void {
  if (!firstReport(error)) return;
  const reporter = scopeReporter ?? registry().reporter ?? defaultReporter;
  try {
    reporter(error, info);
  } catch (reporterError) {
    try {
      defaultReporter(error, info);
      console.error('[fn-kit] The background error reporter itself threw:', reporterError);
    } catch {
      // Nothing left to report to.
    }
  }
}

/** The error a `cut-off` report carries. */
export class BackgroundTaskCutOffError extends Error {
  override readonly name = 'BackgroundTaskCutOffError';
  constructor(
    readonly source: 'waitUntil' | 'after',
    readonly timeoutMs: number,
  ) {
    super(
      `A background task from ${source}() had not settled ${timeoutMs} ms after the response was sent; ` +
        'it was cut off (no longer awaited). Raise timeoutMs in withRequestContext() or make the task shorter.',
    );
  }
}
