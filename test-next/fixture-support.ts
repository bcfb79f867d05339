/**
 * What the type checks need beside the codemod fixtures, each with its reason:
 * - stub modules for the project's own modules a fixture imports (the fixture assumes they
 *   exist; the stub has the shape the fixture uses), so its outputs can be checked rather
 *   than skipped;
 * - the fixtures excluded from the type checks, because no Next.js project can type-check
 *   them: they import a framework the suite does not install;
 * - the fixtures that must fail to parse (they test the codemods' error path; nothing comes out).
 */

/** Stub files per fixture id, at paths relative to the fixture's project root. */
export const FIXTURE_STUBS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'wait-until-to-after/namespace-dropped': { 'lib/track.ts': 'export async function track(): Promise<void> {}\n' },
  'wait-until-to-after/server-action': {
    'lib/db.ts': 'export const db = {\n  async insert(_data: FormData): Promise<void> {},\n  async flush(): Promise<void> {},\n};\n',
  },
  'wait-until-to-after/unrelated-wait-until': { 'app/my-queue.ts': 'export function waitUntil(_url: string | undefined): void {}\n' },
  'floating-to-wait-until/wrapped-export': {
    'api/auth.ts': 'export function withAuth(handler: (req: Request) => Promise<Response>) {\n  return handler;\n}\n',
  },
  'unstable-after-to-after/other-module': { 'app/my-next-server.ts': 'export function unstable_after(_task: () => void): void {}\n' },
};

/**
 * Stubs at the temp project's root: `@/lib/db` (floating-to-wait-until/inline-action) goes
 * through the `@/*` path alias of create-next-app's tsconfig, which maps to the project root.
 */
export const PROJECT_STUBS: Readonly<Record<string, string>> = {
  'lib/db.ts':
    'export const db = {\n  async save(_id: string): Promise<void> {},\n  from(_table: string) {\n    return { insert: async (_row: unknown): Promise<{ error: null }> => ({ error: null }) };\n  },\n};\n',
  // The project-index fixtures (floating-to-wait-until/project-imports, wait-until-to-after/project-reexport)
  // import the shape of test/rules/fixtures/project-index: its modules, without its packages.
  'lib/orders.ts':
    'export async function saveOrder(_order: { id: string }): Promise<void> {}\n' +
    'export function recordAudit(_id: string): void {}\n' +
    "export function maybeSync(order: { id: string }) {\n  return order.id === '' ? null : fetch('https://db.example.com/check');\n}\n",
  'lib/index.ts': 'export async function welcome(_to: string): Promise<void> {}\n',
  'lib/background.ts':
    "export { waitUntil } from '@vercel/functions';\nimport { waitUntil } from '@vercel/functions';\nexport const background = (task: Promise<unknown>) => waitUntil(task);\n",
  'lib/api.ts': "export * from '@vercel/functions';\n",
  // floating-to-wait-until/class-methods: a class and an instance of it, as the project-index fixture's lib/audit-log.ts.
  'lib/audit-log.ts':
    'export class AuditLog {\n  async record(_event: string): Promise<void> {}\n  format(event: string): string {\n    return event.toUpperCase();\n  }\n' +
    '  static async flush(): Promise<void> {}\n}\nexport const audit = new AuditLog();\n',
};

/** Fixtures left out of every type check, with the reason printed in the suite's summary. */
export const EXCLUDED_FIXTURES: Readonly<Record<string, string>> = {
  'floating-to-wait-until/hono-keeper':
    "imports `hono`, which a Next.js project does not have; its output hands the promise to Hono's own c.executionCtx.waitUntil (no after/waitUntil import to check)",
  'floating-to-wait-until/bindings':
    "imports `hono`, which a Next.js project does not have; its output hands the binding calls to Hono's own c.executionCtx.waitUntil (no after/waitUntil import to check)",
  'floating-to-wait-until/express-cjs': 'imports `express`, which a Next.js project does not have (an Express server file)',
  'floating-to-wait-until/left-alone':
    'the input does not type-check on purpose: `let reassigned = async () => {}; reassigned = () => {};` (TS2322) tests that a reassigned binding is left alone',
  'floating-to-wait-until/sveltekit-server':
    "a SvelteKit +server.ts: its handler's parameter is typed only by SvelteKit's generated ./$types, so without SvelteKit the input itself is implicitly any under strict (TS7031)",
};

/** Fixtures whose input must fail to parse: the codemods leave them untouched, nothing to type-check. */
export function isParseErrorFixture(options: { readonly error?: string }): boolean {
  return options.error !== undefined;
}
