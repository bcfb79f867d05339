/**
 * `fn-codemod env`: generates typed env accessors and `process.env` types from
 * `.env.example`; `--check` verifies them. The implementation is loaded on use so the
 * CLI starts fast (ts-morph is only loaded when files must be generated).
 */
import type { CommandModule } from 'yargs';

interface EnvArgs {
  check: boolean;
  out?: string;
  force: boolean;
  cwd: string;
}

export const envCommand: CommandModule<object, EnvArgs> = {
  command: 'env',
  describe: 'Generate typed env accessors and process.env types from .env.example (--check: verify them)',
  builder: (yargs) =>
    yargs
      .option('check', {
        type: 'boolean',
        default: false,
        describe: 'Write nothing; exit 1 and show the differences when the generated files are stale',
      })
      .option('out', {
        type: 'string',
        describe: 'Directory for env.generated.ts and process-env.generated.d.ts (default: src/ when it exists, else the project root)',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Overwrite output files even when they lack the generated header',
      })
      .option('cwd', { type: 'string', default: process.cwd(), describe: 'The project directory', defaultDescription: 'the current directory' })
      .example('$0 env', 'write src/env.generated.ts and src/process-env.generated.d.ts')
      .example('$0 env --check', 'fail when the generated files are stale (CI, pre-commit)')
      .strictOptions(),
  handler: async (args) => {
    const { runEnv } = await import('../env/run-env.js');
    process.exitCode = await runEnv({ cwd: args.cwd, check: args.check, out: args.out, force: args.force });
  },
};
