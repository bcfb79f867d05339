/**
 * Processes the run's files in-process, or spread over worker threads for big trees.
 * Reports come back in file order either way, so parallel and serial runs print the same.
 */
import { Worker } from 'node:worker_threads';
import { loadTransform, type TransformName } from '../../codemods/index.js';
import { UPGRADE_ORDER } from '../../codemods/upgrade-order.js';
import type { SequenceStep } from './apply-sequence.js';
import { processFile, type FileReport, type ProcessContext } from './process-file.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker.js';

/** Files per batch handed to a worker: small enough to balance, big enough to amortise messaging. */
const BATCH_SIZE = 25;

export interface RunFilesConfig {
  /** One transform, or (with ctx.combined) the upgrade's transforms in order. */
  readonly transforms: readonly TransformName[];
  readonly files: readonly string[];
  readonly ctx: ProcessContext;
  /** Worker threads; 1 means in-process. */
  readonly workers: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runFiles(config: RunFilesConfig): Promise<FileReport[]> {
  return config.workers <= 1 ? runInProcess(config) : runInWorkers(config);
}

/** The transforms as steps; a combined run adds each one's applicability check from the upgrade order. */
export async function loadSteps(names: readonly TransformName[], combined: boolean): Promise<SequenceStep[]> {
  return Promise.all(
    names.map(async (name) => ({
      transform: await loadTransform(name),
      notApplicable: combined ? UPGRADE_ORDER.find((s) => s.name === name)?.notApplicable : undefined,
    })),
  );
}

async function runInProcess(config: RunFilesConfig): Promise<FileReport[]> {
  const steps = await loadSteps(config.transforms, config.ctx.combined === true);
  const reports: FileReport[] = [];
  for (const file of config.files) {
    reports.push(await processFile(file, steps, config.ctx));
    config.onProgress?.(reports.length, config.files.length);
  }
  return reports;
}

function runInWorkers(config: RunFilesConfig): Promise<FileReport[]> {
  const { files } = config;
  const reports = new Array<FileReport | undefined>(files.length);
  let next = 0;
  let done = 0;
  let live = 0;
  const workers: Worker[] = [];
  return new Promise<FileReport[]>((resolvePromise, reject) => {
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker): void => {
      if (next >= files.length) {
        worker.postMessage({ type: 'stop' } satisfies ToWorker);
        return;
      }
      const start = next;
      next = Math.min(files.length, next + BATCH_SIZE);
      worker.postMessage({ type: 'batch', start, files: files.slice(start, next) } satisfies ToWorker);
    };
    const init: WorkerInit = { transforms: config.transforms, ctx: config.ctx };
    for (let i = 0; i < config.workers; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
      workers.push(worker);
      live++;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') feed(worker);
        else if (message.type === 'failed') fail(new Error(`a worker failed: ${message.message}`));
        else {
          message.reports.forEach((r, k) => (reports[message.start + k] = r));
          done += message.reports.length;
          config.onProgress?.(done, files.length);
          feed(worker);
        }
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', () => {
        live--;
        if (live === 0 && !failed) {
          if (done === files.length) resolvePromise(reports as FileReport[]);
          else fail(new Error(`workers exited after ${done} of ${files.length} files`));
        }
      });
    }
  });
}
