/**
 * The portable context of one request: its headers, its background tasks, the `after`
 * callbacks waiting for the response, and the budget (`timeoutMs`) that starts when the
 * response has been sent.
 */
import { BackgroundTaskCutOffError, reportBackgroundError } from './reporter.js';
import type { BackgroundErrorReporter } from './reporter-types.js';
import { registry } from './registry.js';
import { onLaterTurn, TrackedTask, type TaskSource } from './tracked-task.js';
import type { HostWaitUntil } from './handler-args.js';

export type HeaderLookup = (lowerCaseName: string) => string | undefined;

export class RequestScope {
  private readonly tasks = new Set<TrackedTask>();
  private readonly waitingForResponse: (() => void)[] = [];
  private sentAt: number | undefined;
  private budgetTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly header: HeaderLookup,
    readonly timeoutMs: number,
    private readonly onError?: BackgroundErrorReporter,
    private readonly hostWaitUntil?: HostWaitUntil,
  ) {}

  /**
   * Hands `task` to the host's own keeper, if the handler was given one, so that the host
   * keeps the invocation alive until the task settles or is cut off. The host gets
   * `task.settled`, which never rejects: a rejection is reported here once, and the host
   * has none of its own to log.
   */
  keepAlive(task: TrackedTask): void {
    if (this.hostWaitUntil === undefined || task.done) return;
    try {
      this.hostWaitUntil(task.settled);
    } catch (error) {
      reportBackgroundError(error, { kind: 'host-refused', source: task.source, tracked: true }, this.onError);
    }
  }

  get responseSent(): boolean {
    return this.sentAt !== undefined;
  }

  /** Waits for `promise`; reports its rejection. Returns the task (for hand-off). */
  trackPromise(promise: PromiseLike<unknown>, source: TaskSource): TrackedTask {
    const task = this.newTask(source);
    Promise.resolve(promise).then(
      () => task.finish(),
      (error: unknown) => {
        this.report(error, source);
        task.finish();
      },
    );
    return task;
  }

  /** Runs `callback` once the response has been sent, inside this scope; waits for it. */
  trackCallback(callback: () => unknown, source: TaskSource): TrackedTask {
    const task = this.newTask(source);
    const run = (): void => {
      if (task.done) return; // cut off before it could start
      registry().storage.run(this, () => {
        new Promise<unknown>((resolve) => resolve(callback())).then(
          () => task.finish(),
          (error: unknown) => {
            this.report(error, source);
            task.finish();
          },
        );
      });
    };
    if (this.responseSent) onLaterTurn(run);
    else this.waitingForResponse.push(run);
    return task;
  }

  /** The response is out: start the `after` callbacks and the background budget. */
  markResponseSent(): void {
    if (this.sentAt !== undefined) return;
    this.sentAt = Date.now();
    const callbacks = this.waitingForResponse.splice(0);
    if (callbacks.length > 0) {
      onLaterTurn(() => {
        for (const run of callbacks) run();
      });
    }
    this.startBudget();
  }

  private newTask(source: TaskSource): TrackedTask {
    const task = new TrackedTask(source, (t) => this.taskFinished(t));
    this.tasks.add(task);
    if (this.responseSent) this.startBudget();
    return task;
  }

  private taskFinished(task: TrackedTask): void {
    this.tasks.delete(task);
    if (this.tasks.size === 0 && this.budgetTimer !== undefined) {
      clearTimeout(this.budgetTimer);
      this.budgetTimer = undefined;
    }
  }

  private startBudget(): void {
    if (this.sentAt === undefined || this.budgetTimer !== undefined || this.tasks.size === 0) return;
    if (!Number.isFinite(this.timeoutMs)) return;
    const remaining = this.sentAt + this.timeoutMs - Date.now();
    if (remaining <= 0) {
      this.cutOffPending();
      return;
    }
    this.budgetTimer = setTimeout(() => {
      this.budgetTimer = undefined;
      this.cutOffPending();
    }, remaining);
    // The budget alone must not keep a process alive; the tasks' own I/O does.
    (this.budgetTimer as { unref?: () => void }).unref?.();
  }

  private cutOffPending(): void {
    for (const task of [...this.tasks]) {
      reportBackgroundError(
        new BackgroundTaskCutOffError(task.source, this.timeoutMs),
        { kind: 'cut-off', source: task.source, tracked: true, timeoutMs: this.timeoutMs },
        this.onError,
      );
      task.finish();
    }
  }

  private report(error: unknown, source: TaskSource): void {
    reportBackgroundError(error, { kind: 'rejected', source, tracked: true }, this.onError);
  }
}
