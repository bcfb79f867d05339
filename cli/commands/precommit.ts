/**
 * `fn-codemod precommit`: what the pre-commit hook runs: `env --check` (when the project
 * has a .env.example) and ESLint with fn-kit's rules on the staged JS/TS files. The
 * implementation is loaded on use.
 */
import type { CommandModule } from 'yargs';

interface PrecommitArgs {
  cwd: string;
  'env-out'?: string;
}

export const precommitCommand: CommandModule<object, PrecommitArgs> = {
  command: 'precommit',
  describe: 'Check staged changes: env --check plus ESLint with the fn plugin on staged JS/TS files (run by the hook)',
  builder: (yargs) =>
    yargs
      .option('cwd', { type: 'string', default: process.cwd(), describe: 'The project directory', defaultDescription: 'the current directory' })
      .option('env-out', { type: 'string', describe: 'The `env --out` directory, when the generated env files are not in the default place' })
      .strictOptions(),
  handler: async (args) => {
    const { runPrecommit } = await import('../hook/run-precommit.js');
    process.exitCode = await runPrecommit({ cwd: args.cwd, ...(args['env-out'] === undefined ? {} : { envOut: args['env-out'] }) });
  },
};
