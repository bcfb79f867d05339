/**
 * `fn-codemod <transform> [paths..]` and `fn-codemod list` (SPEC section 3, "CLI contract").
 * The work happens in ../runner; this module only declares the command line.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadTransform, TRANSFORM_NAMES, TransformLoadError } from '../../codemods/index.js';
import { DEFAULT_EXTENSIONS, DEFAULT_IGNORED_DIRS } from '../runner/files.js';
import { type CodemodArgs } from '../runner/options.js';
import { PARSER_NAMES } from '../runner/parsers.js';

const runCommand: CommandModule<object, CodemodArgs> = {
  command: '$0 <transform> [paths..]',
  describe: 'Run a transform over files or directories (default: the current directory)',
  builder: (yargs: Argv) =>
    yargs
      .positional('transform', { type: 'string', describe: 'Transform name (see `fn-codemod list`)', demandOption: true })
      .positional('paths', { type: 'string', array: true, describe: 'Files or directories', default: ['.'] })
      .option('dry', { type: 'boolean', default: false, describe: 'Write nothing; print a unified diff per changed file' })
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
      .strictOptions() as unknown as Argv<CodemodArgs>,
  handler: async (args) => {
    const { runCodemod } = await import('../runner/run.js');
    process.exitCode = await runCodemod(args);
  },
};

const listCommand: CommandModule = {
  command: 'list',
  describe: 'List the transforms with a one-line description each',
  handler: async () => {
    const width = Math.max(...TRANSFORM_NAMES.map((n) => n.length));
    const lines: string[] = [];
    for (const name of TRANSFORM_NAMES) {
      let description: string;
      try {
        description = (await loadTransform(name)).meta.description;
      } catch (error) {
        if (!(error instanceof TransformLoadError)) throw error;
        description = `(${error.message})`;
      }
      lines.push(`${name.padEnd(width)}  ${description}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};

export const codemodCommands: CommandModule[] = [listCommand, runCommand as unknown as CommandModule];
