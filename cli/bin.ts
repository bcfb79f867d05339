#!/usr/bin/env node
/**
 * fn-codemod: codemods, the typed-env generator and the pre-commit integration.
 * Each command lives in its own module under ./commands.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { codemodCommands } from './commands/codemod.js';
import { envCommand } from './commands/env.js';
import { hookCommand } from './commands/hook.js';
import { precommitCommand } from './commands/precommit.js';
import { exitCodes } from './exit-codes.js';

const cli = yargs(hideBin(process.argv))
  .scriptName('fn-codemod')
  .usage('$0 <transform> [paths..]\n$0 <command>')
  .command(envCommand)
  .command(hookCommand)
  .command(precommitCommand);
for (const command of codemodCommands) cli.command(command);

await cli
  .strictCommands()
  .demandCommand(1, 'Name a transform or a command (see `fn-codemod list`).')
  .help()
  .alias('h', 'help')
  .version()
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`${message}\n\nRun \`fn-codemod --help\` for usage.\n`);
    process.exit(exitCodes.usage);
  })
  .parseAsync();
