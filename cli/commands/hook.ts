// Scaffolding: replaced by the real command module.
import type { CommandModule } from 'yargs';

export const hookCommand: CommandModule = { command: 'hook', describe: false, handler: () => { throw new Error('fn-codemod hook: not built yet'); } };
