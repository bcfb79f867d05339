// Scaffolding: replaced by the real command module.
import type { CommandModule } from 'yargs';

export const codemodCommands: CommandModule[] = [];
