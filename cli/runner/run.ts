/**
 * `fn-codemod <transform> [paths..]` and `fn-codemod upgrade [paths..]`: select files, check
 * git, run, settle the dependencies the new imports need, report.
 * Returns the exit code; never throws for a user error.
 */
import { loadTransform, TransformLoadError } from '../../codemods/index.js';
import { exitCodes } from '../exit-codes.js';
import { settleDependencies } from './dependencies.js';
import { collectFiles, PathNotFoundError } from './files.js';
import { assertCleanGitTree, GitStateError } from './git.js';
import { parseRunConfig, parseUpgradeConfig, UsageError, workerCount, type CodemodArgs, type RunConfig } from './options.js';
import { createProgress } from './progress.js';
import { jsonReport, textSummary, type RunOutcome } from './report.js';
import { runFiles } from './run-files.js';

export interface RunIo {
  readonly cwd: string;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

const defaultIo = (): RunIo => ({ cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });

export function runCodemod(args: CodemodArgs, io: RunIo = defaultIo()): Promise<number> {
  return run(() => parseRunConfig(args), io);
}

/** `fn-codemod upgrade`: every transform that applies, in the upgrade order, over each file once. */
export function runUpgrade(args: CodemodArgs, io: RunIo = defaultIo()): Promise<number> {
  return run(() => parseUpgradeConfig(args), io);
}

async function run(configure: () => RunConfig, io: RunIo): Promise<number> {
  let config: RunConfig;
  let files: string[];
  try {
    config = configure();
    files = collectFiles(config.paths, { extensions: config.extensions, ignorePatterns: config.ignorePatterns, cwd: io.cwd });
    // --dry and --print write nothing, so they need no clean tree.
    if (config.mode === 'write' && !config.force) assertCleanGitTree(config.paths, io.cwd);
    for (const name of config.transforms) await loadTransform(name);
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
    transforms: config.transforms,
    files,
    ctx: {
      cwd: io.cwd,
      mode: config.mode,
      options: { nextVersion: config.nextVersion, runtimeModules: config.runtimeModules, parser: config.parser },
      combined: config.combined,
    },
    workers,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();

  const dependencies = await settleDependencies(reports, {
    cwd: io.cwd,
    mode: config.mode,
    deps: config.deps,
    install: config.install,
    // stdout carries the JSON report, the diffs or the sources; the installer's output goes to stderr.
    log: io.stderr,
  });
  const failed = reports.some((r) => r.status === 'error') || dependencies.errors.length > 0;
  const outcome: RunOutcome = {
    label: config.label,
    mode: config.mode,
    exitCode: failed ? exitCodes.failure : exitCodes.ok,
    workers,
    reports,
    dependencies,
    transforms: config.combined ? config.transforms : undefined,
  };
  if (config.json) {
    io.stdout.write(jsonReport(outcome));
    return outcome.exitCode;
  }
  const changed = reports.filter((r) => r.status === 'changed');
  if (config.mode === 'dry') {
    for (const r of changed) io.stdout.write(r.diff ?? '');
    for (const diff of dependencies.diffs) io.stdout.write(diff);
  }
  if (config.mode === 'print') {
    for (const r of changed) {
      if (changed.length > 1) io.stdout.write(`==> ${r.file} <==\n`);
      io.stdout.write(r.output ?? '');
    }
  }
  // stdout carries the diffs / sources in those modes, so the summary goes to stderr.
  const summaryStream = config.mode === 'write' ? io.stdout : io.stderr;
  summaryStream.write(textSummary(outcome));
  return outcome.exitCode;
}
