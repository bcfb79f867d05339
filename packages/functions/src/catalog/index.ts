/**
 * The functions API catalog: module names, export names, header names, system
 * environment variables and Next.js version facts. The runtime, the ESLint rules, the
 * codemods and the env generator all read it; nothing here is written twice.
 */
export * from './headers.js';
export * from './system-env.js';
export * from './modules.js';
export * from './next.js';
export * from './oidc.js';
export * from './libraries.js';
