// Scaffolding: replaced by the real command module.
import type { CommandModule } from 'yargs';

export const precommitCommand: CommandModule = { command: 'precommit', describe: false, handler: () => { throw new Error('fn-codemod precommit: not built yet'); } };
