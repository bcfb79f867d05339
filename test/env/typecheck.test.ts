// Compiles consumer code against the generated files with the TypeScript compiler API,
// under strict options that user projects commonly enable.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DECLARATION_FILE_NAME, MODULE_FILE_NAME } from '../../cli/env/output-paths.js';
import { generateEnvFiles } from '../../cli/env/generate.js';
import { buildSchema } from '../../cli/env/schema.js';
import { generateRich } from './generate-rich.js';
import { removeDir, tempProject } from './helpers.js';

const TYPE_ROOTS = fileURLToPath(new URL('../../node_modules/@types', import.meta.url));

const GOOD_CONSUMER = `
import { clientEnv, env, EnvError, systemEnv } from './env.generated.js';

const port: number = env.PORT;
const url: string = env.DATABASE_URL;
const level: 'debug' | 'info' | 'warn' | 'error' = env.LOG_LEVEL;
const beta: boolean | undefined = env.FEATURE_BETA;
const send: boolean = env.SEND_EMAILS;
const factor: number | undefined = env.RETRY_FACTOR;
const key: string | undefined = env.PRIVATE_KEY;
const hook: string = env.WEBHOOK_URL;
const api: string = clientEnv.NEXT_PUBLIC_API_URL;
const analytics: 'off' | 'basic' | 'full' | undefined = clientEnv.NEXT_PUBLIC_ANALYTICS;
const region: string | undefined = systemEnv.VERCEL_REGION;
const rawRequired: string = process.env.DATABASE_URL;
const rawOptional: string | undefined = process.env.PORT;
const rawSystem: string | undefined = process.env.VERCEL_URL;
const error: EnvError = new EnvError('PORT', 'is not set');
export const all = [port.toFixed(0), url, level, beta, send, factor, key, hook, api, analytics, region, rawRequired, rawOptional, rawSystem, error.variable];
`;

/** Each must fail to compile, with the error that says why. */
const MISUSES: Record<string, { code: string; error: RegExp }> = {
  'number used as a string': { code: 'env.PORT.toUpperCase();', error: /'toUpperCase' does not exist on type 'number'/ },
  'unknown variable': { code: 'env.NOT_IN_THE_SCHEMA;', error: /'NOT_IN_THE_SCHEMA' does not exist on type 'Env'/ },
  'server variable read from clientEnv': { code: 'clientEnv.DATABASE_URL;', error: /'DATABASE_URL' does not exist on type 'ClientEnv'/ },
  'secret read from clientEnv': { code: 'clientEnv.SESSION_SECRET;', error: /'SESSION_SECRET' does not exist on type 'ClientEnv'/ },
  'enum assigned to a narrower literal': {
    code: "const level: 'debug' = env.LOG_LEVEL; export { level };",
    error: /is not assignable to type '"debug"'/,
  },
  'optional value used without a check': { code: 'env.FEATURE_BETA.valueOf();', error: /'env.FEATURE_BETA' is possibly 'undefined'/ },
  'assignment to a read-only accessor': { code: 'env.PORT = 4000;', error: /Cannot assign to 'PORT' because it is a read-only property/ },
  'optional raw variable used as a string': {
    code: 'const port: string = process.env.PORT; export { port };',
    error: /'string \| undefined' is not assignable to type 'string'/,
  },
  'system variable assumed to be set': { code: 'systemEnv.VERCEL_URL.length;', error: /'systemEnv.VERCEL_URL' is possibly 'undefined'/ },
  'number compared with a string': { code: "if (env.PORT === '3000') {}", error: /types 'number' and 'string' have no overlap/ },
};

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [TYPE_ROOTS],
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  exactOptionalPropertyTypes: true,
  useUnknownInCatchVariables: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
};

// One compiler host for every program, caching parsed lib and @types files (they dominate the time).
const host = ts.createCompilerHost(OPTIONS);
const parsed = new Map<string, ts.SourceFile | undefined>();
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersion, onError) => {
  const cacheable = fileName.includes('node_modules') || /lib\.[\w.]+\.d\.ts$/.test(fileName);
  if (!cacheable) return getSourceFile(fileName, languageVersion, onError);
  if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, onError));
  return parsed.get(fileName);
};

function errorsByFile(dir: string, files: string[]): Map<string, string[]> {
  const program = ts.createProgram(
    files.map((f) => join(dir, f)),
    OPTIONS,
    host,
  );
  const result = new Map<string, string[]>();
  // Only our files are checked (skipLibCheck stays off so the generated .d.ts is checked too).
  const ours = program.getSourceFiles().filter((f) => f.fileName.startsWith(`${dir}/`));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
  ];
  for (const diagnostic of diagnostics) {
    const name = diagnostic.file ? diagnostic.file.fileName.slice(dir.length + 1) : '<global>';
    const list = result.get(name) ?? [];
    list.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    result.set(name, list);
  }
  return result;
}

// Several full programs (with @types/node) on a possibly busy machine.
vi.setConfig({ testTimeout: 120_000 });

describe('generated types, compiled with the TypeScript compiler', () => {
  const generated = generateRich();
  const misuseFiles = Object.keys(MISUSES).map((_, i) => `misuse-${i}.ts`);
  const dir = tempProject({
    'package.json': '{ "type": "module" }',
    [MODULE_FILE_NAME]: generated.module,
    [DECLARATION_FILE_NAME]: generated.declaration,
    'consumer.ts': GOOD_CONSUMER,
    ...Object.fromEntries(
      Object.values(MISUSES).map(({ code }, i) => [
        misuseFiles[i],
        `import { clientEnv, env, systemEnv } from './env.generated.js';\nvoid clientEnv; void env; void systemEnv;\n${code}\n`,
      ]),
    ),
  });
  afterAll(() => removeDir(dir));
  const errors = errorsByFile(dir, [MODULE_FILE_NAME, DECLARATION_FILE_NAME, 'consumer.ts', ...misuseFiles]);

  it('the generated files themselves compile under strict options', () => {
    expect(errors.get(MODULE_FILE_NAME) ?? []).toEqual([]);
    expect(errors.get(DECLARATION_FILE_NAME) ?? []).toEqual([]);
    expect(errors.get('<global>') ?? []).toEqual([]);
  });

  it('correct consumer code compiles', () => {
    expect(errors.get('consumer.ts') ?? []).toEqual([]);
  });

  it.each(Object.entries(MISUSES).map(([name, misuse], i) => [name, misuse.error, misuseFiles[i] ?? ''] as const))(
    'misuse fails to compile: %s',
    (_name, error, file) => {
      expect(errors.get(file) ?? []).toEqual([expect.stringMatching(error)]);
    },
  );

  it('without the declaration file, required variables are plain string | undefined (the augmentation is what types them)', () => {
    writeFileSync(join(dir, 'raw.ts'), 'const url: string = process.env.DATABASE_URL;\nexport { url };\n');
    const without = errorsByFile(dir, ['raw.ts']);
    const withDecl = errorsByFile(dir, [DECLARATION_FILE_NAME, 'raw.ts']);
    expect((without.get('raw.ts') ?? []).length).toBeGreaterThan(0);
    expect(withDecl.get('raw.ts') ?? []).toEqual([]);
  });
});

describe('generated types for small schemas', () => {
  // Helpers a schema does not need are left out, so noUnusedLocals stays quiet.
  it.each([
    ['an empty schema', '# nothing yet\n'],
    ['one optional string', '# @optional\nA=\n'],
    ['one required public string', 'NEXT_PUBLIC_A=\n'],
    ['one enum with a default', '# @type enum(x|y) @default x\nMODE=\n'],
  ])('%s compiles under strict options', (_name, text) => {
    const generated = generateEnvFiles(buildSchema({ name: '.env.example', text }, []).schema);
    const dir = tempProject({ 'package.json': '{ "type": "module" }', [MODULE_FILE_NAME]: generated.module, [DECLARATION_FILE_NAME]: generated.declaration });
    try {
      const errors = errorsByFile(dir, [MODULE_FILE_NAME, DECLARATION_FILE_NAME]);
      expect([...errors.values()].flat()).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });
});
