/**
 * Sets up ESLint for the pre-commit check: the project's own `eslint` package (falling
 * back to one installed beside fn-kit), and the project's own flat config when it has one;
 * otherwise fn-kit's `configs.recommended`, loaded from this package itself (never from
 * the project), with a TypeScript parser for TS files.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CONFIG_FILE_NAMES: readonly string[] = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

/** The part of ESLint's Node API the check uses. */
export interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}
export interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount?: number;
  readonly warningCount: number;
}
export interface EslintInstance {
  lintText(code: string, options: { filePath: string; warnIgnored?: boolean }): Promise<LintResult[]>;
  isPathIgnored(filePath: string): Promise<boolean>;
  calculateConfigForFile(filePath: string): Promise<{ rules?: Record<string, unknown> } | undefined>;
  loadFormatter(name?: string): Promise<{ format(results: LintResult[]): string | Promise<string> }>;
}
interface EslintClass {
  new (options: Record<string, unknown>): EslintInstance;
  readonly version: string;
}

export interface ProjectEslint {
  readonly eslint: EslintInstance;
  readonly version: string;
  /** The config file used, or undefined when fn-kit's recommended config is used. */
  readonly configFile?: string;
}

export class EslintSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EslintSetupError';
  }
}

const ownRequire = createRequire(import.meta.url);

/** The nearest flat config file from `cwd` up to `stopAt` (inclusive). */
export function findFlatConfig(cwd: string, stopAt: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
    if (dir === stopAt || dirname(dir) === dir) return undefined;
  }
}

export async function loadProjectEslint(cwd: string, topLevel: string): Promise<ProjectEslint> {
  const ESLint = await loadEslintClass(cwd);
  const major = Number(ESLint.version.split('.')[0]);
  if (!(major >= 9)) {
    throw new EslintSetupError(`fn-kit needs ESLint 9 or later with a flat config; this project has ESLint ${ESLint.version}`);
  }
  const configFile = findFlatConfig(cwd, topLevel);
  if (configFile) return { eslint: new ESLint({ cwd }), version: ESLint.version, configFile };
  const overrideConfig = await fallbackConfig();
  return { eslint: new ESLint({ cwd, overrideConfigFile: true, overrideConfig }), version: ESLint.version };
}

async function loadEslintClass(cwd: string): Promise<EslintClass> {
  const candidates = [createRequire(join(cwd, 'package.json')), ownRequire];
  for (const require of candidates) {
    let resolved: string;
    try {
      resolved = require.resolve('eslint');
    } catch {
      continue;
    }
    const module = (await import(pathToFileURL(resolved).href)) as { ESLint?: EslintClass; default?: { ESLint?: EslintClass } };
    const ESLint = module.ESLint ?? module.default?.ESLint;
    if (ESLint) return ESLint;
  }
  throw new EslintSetupError('ESLint is not installed in this project; install it (npm install --save-dev eslint)');
}

interface FlatConfigPlugin {
  readonly configs?: Record<string, unknown>;
}

/** fn-kit's recommended config, for projects without an ESLint config of their own. */
async function fallbackConfig(): Promise<unknown[]> {
  let pluginPath: string;
  try {
    pluginPath = ownRequire.resolve('fn-kit/eslint-plugin');
  } catch {
    throw new EslintSetupError("cannot find fn-kit's ESLint plugin (fn-kit/eslint-plugin); is fn-kit built?");
  }
  const module = (await import(pathToFileURL(pluginPath).href)) as { default?: FlatConfigPlugin } & FlatConfigPlugin;
  const plugin = module.default ?? module;
  const recommended = plugin.configs?.recommended;
  if (recommended === undefined) throw new EslintSetupError("fn-kit's ESLint plugin has no configs.recommended");
  const tsParser = (await import(pathToFileURL(ownRequire.resolve('@typescript-eslint/parser')).href)) as { default?: unknown };
  return [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser.default ?? tsParser } },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { plugins: { fn: plugin } },
    ...(Array.isArray(recommended) ? recommended : [recommended]),
  ];
}
