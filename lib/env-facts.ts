/** How code reaches the process environment; shared by both AST flavours' env-read recognition. */
export const PROCESS_GLOBAL = 'process';
export const ENV_PROPERTY = 'env';
/** Modules that export the real `process` (default) and `env` (named). */
export const PROCESS_MODULES: ReadonlySet<string> = new Set(['process', 'node:process']);

/** Base name of the module `fn-codemod env` writes (`env.generated.ts`), as it is imported. */
export const GENERATED_ENV_MODULE = 'env.generated';
/** What that module exports: accessor objects whose getters read `process.env.NAME`. */
export const GENERATED_ENV_ACCESSORS: ReadonlySet<string> = new Set(['env', 'clientEnv', 'systemEnv']);
