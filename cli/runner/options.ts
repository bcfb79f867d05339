/**
 * Turns the parsed command line into a validated run configuration. Every bad value is a
 * UsageError (exit code 2) that names the option and what it accepts.
 */
import { availableParallelism } from 'node:os';
import { normalizeNextVersion } from '../../lib/next-version.js';
import { isTransformName, TRANSFORM_NAMES, type TransformName } from '../../codemods/index.js';
import { UPGRADE_ORDER } from '../../codemods/upgrade-order.js';
import { DEFAULT_EXTENSIONS } from './files.js';
import { PARSER_NAMES, type ParserName } from './parsers.js';
import type { OutputMode } from './process-file.js';

export class UsageError extends Error {}

export interface CodemodArgs {
  /** Absent for `upgrade`. */
  readonly transform?: string;
  readonly paths?: readonly string[];
  readonly dry?: boolean;
  readonly print?: boolean;
  readonly force?: boolean;
  readonly parser?: string;
  readonly extensions?: readonly string[];
  readonly ignorePattern?: readonly string[];
  /** As typed: the command line passes it as a string so that a bad value can be quoted back. */
  readonly cpus?: number | string;
  readonly json?: boolean;
  readonly nextVersion?: string;
  readonly runtimeModule?: readonly string[];
  /** --install: run the package manager's install after adding dependencies. */
  readonly install?: boolean;
  /** --no-deps sets it to false: never edit package.json. */
  readonly deps?: boolean;
}

export interface RunConfig {
  /** The transform's name, or `upgrade`: for the summary and the JSON report. */
  readonly label: string;
  /** The transforms to run, in order (one, or the upgrade order). */
  readonly transforms: readonly TransformName[];
  /** `upgrade`: all of them over each file in turn. */
  readonly combined: boolean;
  readonly install: boolean;
  readonly deps: boolean;
  readonly paths: readonly string[];
  readonly mode: OutputMode;
  readonly force: boolean;
  readonly parser?: ParserName;
  readonly extensions: readonly string[];
  readonly ignorePatterns: readonly string[];
  /** --cpus as given; undefined means "decide from the number of files". */
  readonly cpus?: number;
  readonly json: boolean;
  readonly nextVersion?: string;
  readonly runtimeModules: readonly string[];
}

/** `a,b` and repeated options both work. */
function list(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

export function unknownTransformMessage(name: string): string {
  return `Unknown transform "${name}". Available transforms:\n${TRANSFORM_NAMES.map((n) => `  ${n}`).join('\n')}`;
}

/** `--cpus`: a whole number of at least 1; the error quotes what the user typed. */
function parseCpus(value: number | string | readonly unknown[]): number {
  const raw = Array.isArray(value) ? value.map(String).join(' ') : String(value);
  const cpus = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(cpus) || cpus < 1) {
    throw new UsageError(`Invalid --cpus "${raw}": expected a whole number of at least 1`);
  }
  return cpus;
}

/** `upgrade`: every transform in UPGRADE_ORDER. */
export function parseUpgradeConfig(args: CodemodArgs): RunConfig {
  return parseOptions(args, 'upgrade', UPGRADE_ORDER.map((s) => s.name), true);
}

export function parseRunConfig(args: CodemodArgs): RunConfig {
  const transform = String(args.transform);
  if (!isTransformName(transform)) throw new UsageError(unknownTransformMessage(transform));
  return parseOptions(args, transform, [transform], false);
}

function parseOptions(args: CodemodArgs, label: string, transforms: readonly TransformName[], combined: boolean): RunConfig {
  let parser: ParserName | undefined;
  if (args.parser !== undefined) {
    if (!(PARSER_NAMES as readonly string[]).includes(args.parser)) {
      throw new UsageError(`Invalid --parser "${args.parser}": expected one of ${PARSER_NAMES.join(', ')}`);
    }
    parser = args.parser as ParserName;
  }
  const extensions = list(args.extensions).map((e) => e.replace(/^\./, ''));
  for (const e of extensions) {
    if (!/^[\w.-]+$/.test(e)) throw new UsageError(`Invalid --extensions value "${e}": expected names such as ts,tsx`);
  }
  const cpus = args.cpus === undefined ? undefined : parseCpus(args.cpus);
  if (args.nextVersion !== undefined && !normalizeNextVersion(String(args.nextVersion))) {
    throw new UsageError(`Invalid --next-version "${String(args.nextVersion)}": expected a version such as 15.1.0`);
  }
  const paths = list(args.paths);
  const mode: OutputMode = args.print ? 'print' : args.dry ? 'dry' : 'write';
  const deps = args.deps !== false;
  if (args.install && !deps) throw new UsageError('--install and --no-deps contradict each other: --no-deps never adds a dependency to install');
  if (args.install && mode !== 'write') throw new UsageError(`--install needs a run that writes; --${mode} writes nothing`);
  return {
    label,
    transforms,
    combined,
    install: Boolean(args.install),
    deps,
    paths: paths.length > 0 ? paths : ['.'],
    mode,
    force: Boolean(args.force),
    parser,
    extensions: extensions.length > 0 ? extensions : [...DEFAULT_EXTENSIONS],
    ignorePatterns: list(args.ignorePattern),
    cpus,
    json: Boolean(args.json),
    nextVersion: args.nextVersion === undefined ? undefined : String(args.nextVersion),
    runtimeModules: list(args.runtimeModule),
  };
}

/** Files per worker below which a worker does not pay for its start-up (it loads Babel and recast). */
const FILES_PER_WORKER = 400;
/** With an explicit --cpus, never start a worker for fewer files than this. */
const MIN_FILES_PER_WORKER = 25;

/** How many worker threads to use; 1 means in-process. */
export function workerCount(fileCount: number, cpus: number | undefined, cores = availableParallelism()): number {
  if (cpus !== undefined) return Math.max(1, Math.min(cpus, Math.ceil(fileCount / MIN_FILES_PER_WORKER)));
  return Math.max(1, Math.min(cores - 1, Math.floor(fileCount / FILES_PER_WORKER)));
}
