/**
 * A worker thread of a parallel run: loads the transform(s) once, then processes the batches
 * of files the main thread hands it and sends back one report per file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TransformName } from '../../codemods/index.js';
import { processFile, type FileReport, type ProcessContext } from './process-file.js';
import { loadSteps } from './run-files.js';

export interface WorkerInit {
  readonly transforms: readonly TransformName[];
  readonly ctx: ProcessContext;
}

export type ToWorker = { readonly type: 'batch'; readonly start: number; readonly files: readonly string[] } | { readonly type: 'stop' };
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly start: number; readonly reports: readonly FileReport[] }
  | { readonly type: 'failed'; readonly message: string };

const port = parentPort;
if (!port) throw new Error('cli/runner/worker.js must run as a worker thread');
const init = workerData as WorkerInit;

try {
  const steps = await loadSteps(init.transforms, init.ctx.combined === true);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    void (async () => {
      const reports: FileReport[] = [];
      for (const file of message.files) reports.push(await processFile(file, steps, init.ctx));
      port.postMessage({ type: 'done', start: message.start, reports } satisfies FromWorker);
    })().catch((error: unknown) => {
      port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    });
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
}
