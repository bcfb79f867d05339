/**
 * What the syntactic promise analysis knows about the language, shared by the ESLint rules
 * and the codemods (each walks its own AST flavour with these facts).
 */

/** Methods that chain a promise: `p.then(…)` is itself a promise. */
export const PROMISE_CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** `Promise.<name>(…)` returns a promise. */
export const PROMISE_RETURNING_STATICS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race', 'resolve', 'reject', 'try']);

/** `Promise.<name>(p)` takes a promise and owns it: passing one there is not using it as a value. */
export const PROMISE_ACCEPTING_STATICS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any', 'resolve']);

/** Test assertions that take a promise: `expect(p).rejects…`. */
export const PROMISE_TAKING_FUNCTIONS: ReadonlySet<string> = new Set(['expect']);

/** The global whose calls always return a promise. */
export const PROMISE_RETURNING_GLOBAL = 'fetch';
