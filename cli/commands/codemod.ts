/**
 * `fn-codemod <transform> [paths..]`, `fn-codemod upgrade` (./upgrade) and `fn-codemod list` (SPEC section 3, "CLI contract").
 * The work happens in ../runner; this module only declares the command line.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadTransform, TRANSFORM_NAMES, TransformLoadError } from '../../codemods/index.js';
import { type CodemodArgs } from '../runner/options.js';
import { withTransformOptions } from './transform-options.js';
import { upgradeCommand } from './upgrade.js';

const runCommand: CommandModule<object, CodemodArgs> = {
  command: '$0 <transform> [paths..]',
  describe: 'Run a transform over files or directories (default: the current directory)',
  builder: (yargs: Argv) =>
    withTransformOptions(
      yargs.positional('transform', { type: 'string', describe: 'Transform name (see `fn-codemod list`)', demandOption: true }),
    ) as unknown as Argv<CodemodArgs>,
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

// `upgrade` before the default command, which would take it for a transform name.
export const codemodCommands: CommandModule[] = [listCommand, upgradeCommand, runCommand as unknown as CommandModule];
