/**
 * `fn-codemod upgrade [paths..]` (SPEC section 5): every transform that applies to the
 * project, in codemods/upgrade-order, over each file once; one diff, one summary, one report.
 */
import type { Argv, CommandModule } from 'yargs';
import type { CodemodArgs } from '../runner/options.js';
import { withTransformOptions } from './transform-options.js';

export const upgradeCommand = {
  command: 'upgrade [paths..]',
  describe: 'Run every transform that applies to the project, in a safe order, over each file once',
  builder: (yargs: Argv) => withTransformOptions(yargs) as unknown as Argv<CodemodArgs>,
  handler: async (args: CodemodArgs) => {
    const { runUpgrade } = await import('../runner/run.js');
    process.exitCode = await runUpgrade(args);
  },
} as unknown as CommandModule;
