/**
 * `fn-codemod <transform> [paths..]`: select files, check git, run, report.
 * Returns the exit code; never throws for a user error.
 */
import { loadTransform, TransformLoadError } from '../../codemods/index.js';
import { exitCodes } from '../exit-codes.js';
import { collectFiles, PathNotFoundError } from './files.js';
import { assertCleanGitTree, GitStateError } from './git.js';
import { parseRunConfig, UsageError, workerCount, type CodemodArgs } from './options.js';
import { createProgress } from './progress.js';
import { jsonReport, textSummary } from './report.js';
import { runFiles } from './run-files.js';

export interface RunIo {
  readonly cwd: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

const defaultIo = (): RunIo => ({ cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });

export async function runCodemod(args: CodemodArgs, io: RunIo = defaultIo()): Promise<number> {
  let config;
  let files: string[];
  try {
    config = parseRunConfig(args);
    files = collectFiles(config.paths, { extensions: config.extensions, ignorePatterns: config.ignorePatterns, cwd: io.cwd });
    // --dry and --print write nothing, so they need no clean tree.
    if (config.mode === 'write' && !config.force) assertCleanGitTree(config.paths, io.cwd);
    await loadTransform(config.transform);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathNotFoundError || error instanceof GitStateError || error instanceof TransformLoadError) {
      io.stderr.write(`fn-codemod: ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }

  const progress = createProgress(io.stderr);
  const workers = workerCount(files.length, config.cpus);
  const reports = await runFiles({
    transform: config.transform,
    files,
    ctx: {
      cwd: io.cwd,
      mode: config.mode,
      options: { nextVersion: config.nextVersion, runtimeModules: config.runtimeModules, parser: config.parser },
    },
    workers,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();

  const exitCode = reports.some((r) => r.status === 'error') ? exitCodes.failure : exitCodes.ok;
  if (config.json) {
    io.stdout.write(jsonReport(config.transform, config.mode, exitCode, workers, reports));
    return exitCode;
  }
  const changed = reports.filter((r) => r.status === 'changed');
  if (config.mode === 'dry') for (const r of changed) io.stdout.write(r.diff ?? '');
  if (config.mode === 'print') {
    for (const r of changed) {
      if (changed.length > 1) io.stdout.write(`==> ${r.file} <==\n`);
      io.stdout.write(r.output ?? '');
    }
  }
  // stdout carries the diffs / sources in those modes, so the summary goes to stderr.
  const summaryStream = config.mode === 'write' ? io.stdout : io.stderr;
  summaryStream.write(textSummary(config.transform, config.mode, reports));
  return exitCode;
}
