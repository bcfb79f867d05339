/** How code reaches the process environment; shared by both AST flavours' env-read recognition. */
export const PROCESS_GLOBAL = 'process';
export const ENV_PROPERTY = 'env';
/** Modules that export the real `process` (default) and `env` (named). */
export const PROCESS_MODULES: ReadonlySet<string> = new Set(['process', 'node:process']);
