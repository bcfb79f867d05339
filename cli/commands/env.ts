// Scaffolding: replaced by the real command module.
import type { CommandModule } from 'yargs';

export const envCommand: CommandModule = { command: 'env', describe: false, handler: () => { throw new Error('fn-codemod env: not built yet'); } };
