/** What kind of background trouble is being reported. */
export type BackgroundErrorKind =
  /** The task's promise rejected (or its `after` callback threw). */
  | 'rejected'
  /** The task had not settled when the request's `timeoutMs` budget ran out. */
  | 'cut-off'
  /**
   * The host's own `waitUntil` (Workers' `ctx`, Netlify's `context`) threw when handed the
   * task. The task is still tracked here; the host may not keep the invocation alive for it.
   */
  | 'host-refused';

export interface BackgroundErrorInfo {
  readonly kind: BackgroundErrorKind;
  /** Which API scheduled the task. */
  readonly source: 'waitUntil' | 'after';
  /** `false` when the task was scheduled outside any request context. */
  readonly tracked: boolean;
  /** The request's budget, for `cut-off` reports. */
  readonly timeoutMs?: number;
}

/**
 * Receives background-task errors. The default writes one `console.error` line per
 * report. Must not throw (if it does, the error is written with `console.error`).
 */
export type BackgroundErrorReporter = (error: unknown, info: BackgroundErrorInfo) => void;
