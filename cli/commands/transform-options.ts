/**
 * The options every transform-running command takes (`fn-codemod <transform>` and
 * `fn-codemod upgrade`), declared once.
 */
import type { Argv } from 'yargs';
import { DEFAULT_EXTENSIONS, DEFAULT_IGNORED_DIRS } from '../runner/files.js';
import { PARSER_NAMES } from '../runner/parsers.js';

export function withTransformOptions(yargs: Argv): Argv {
  return yargs
    .positional('paths', { type: 'string', array: true, describe: 'Files or directories', default: ['.'] })
    .option('dry', { type: 'boolean', default: false, describe: 'Write nothing; print a unified diff per changed file (package.json included)' })
    .option('print', { type: 'boolean', default: false, describe: 'Write nothing; print the transformed source of changed files' })
    .option('force', { type: 'boolean', default: false, describe: 'Run on a dirty git tree or outside a git repository' })
    .option('parser', { type: 'string', choices: PARSER_NAMES, describe: 'Parser (default by extension: ts, tsx, babel)' })
    .option('extensions', { type: 'string', array: true, describe: `File extensions (default ${DEFAULT_EXTENSIONS.join(',')})` })
    .option('ignore-pattern', {
      type: 'string',
      array: true,
      describe: `Glob to skip, relative to the current directory; repeatable (${DEFAULT_IGNORED_DIRS.join(', ')} are always skipped)`,
    })
    .option('cpus', { type: 'string', describe: 'Worker threads (default: from the number of files and cores)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable report on stdout' })
    .option('next-version', { type: 'string', describe: 'Next.js version to assume (default: nearest package.json)' })
    .option('runtime-module', {
      type: 'string',
      array: true,
      describe: 'A module that re-exports the functions API; repeatable',
    })
    .option('deps', {
      type: 'boolean',
      default: true,
      describe: 'Add the packages new imports need to the nearest package.json (--no-deps: only warn)',
    })
    .option('install', {
      type: 'boolean',
      default: false,
      describe: "Run the project's package manager install (from its lockfile) after adding dependencies",
    })
    .strictOptions();
}
