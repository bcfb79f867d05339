/**
 * `fn-codemod hook install|uninstall`: manage fn-kit's block in the git pre-commit hook
 * (or the husky hook). The implementation is loaded on use.
 */
import type { Argv, CommandModule } from 'yargs';

interface HookArgs {
  cwd: string;
  'env-out'?: string;
}

const withOptions = (yargs: Argv): Argv<HookArgs> =>
  yargs
    .option('cwd', { type: 'string', default: process.cwd(), describe: 'The project directory', defaultDescription: 'the current directory' })
    .option('env-out', { type: 'string', describe: 'The `env --out` directory, when the generated env files are not in the default place' })
    .strictOptions();

const installCommand: CommandModule<object, HookArgs> = {
  command: 'install',
  describe: 'Add `fn-codemod precommit` to the pre-commit hook (.husky/pre-commit with husky; honours core.hooksPath)',
  builder: withOptions,
  handler: async (args) => {
    const { installHook } = await import('../hook/install-hook.js');
    process.exitCode = installHook({ cwd: args.cwd, ...(args['env-out'] === undefined ? {} : { envOut: args['env-out'] }) }, stdio());
  },
};

const uninstallCommand: CommandModule<object, HookArgs> = {
  command: 'uninstall',
  describe: "Remove fn-kit's block from the pre-commit hook",
  builder: withOptions,
  handler: async (args) => {
    const { uninstallHook } = await import('../hook/install-hook.js');
    process.exitCode = uninstallHook({ cwd: args.cwd }, stdio());
  },
};

export const hookCommand: CommandModule = {
  command: 'hook',
  describe: 'Install or remove the fn-kit pre-commit hook',
  builder: (yargs) => yargs.command(installCommand).command(uninstallCommand).demandCommand(1, 'Name a hook command: install or uninstall.'),
  handler: () => undefined,
};

function stdio() {
  return {
    out: (text: string) => process.stdout.write(`${text}\n`),
    err: (text: string) => process.stderr.write(`${text}\n`),
  };
}
