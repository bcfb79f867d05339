/**
 * A small Next.js app (test-next/fixtures/next-app) with one planted finding per rule the
 * check relies on, set up to lint with eslint-config-next and `fn.configs.next` together in
 * ONE flat config file (eslint.config.mjs, as a user writes it). Its node_modules links to a
 * cached install of eslint-config-next, the ESLint it runs on and the matching `next`, and to
 * this repo as `fn-kit` (so the config imports `fn-kit/eslint-plugin`, the built plugin).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedInstall } from './npm-cache.js';
import { REPO_ROOT } from './next-project.js';
import { ESLINTRC_VERSION, TYPESCRIPT_VERSION } from './versions.js';

export interface EslintConfigNext {
  readonly version: string;
  readonly eslint: string;
  /** Ships flat config (16+); else eslintrc, loaded through FlatCompat as Next 15's docs show. */
  readonly flat: boolean;
}

const APP = fileURLToPath(new URL('./fixtures/next-app/', import.meta.url));
const RUNNER = fileURLToPath(new URL('./eslint-run.mjs', import.meta.url));

/** The files linted: every file of the app. */
export const APP_FILES = ['app/api/track/route.ts', 'app/page.tsx', 'app/dashboard/page.tsx', 'pages/about.tsx', 'middleware.ts'];

/** What must be reported, by file: the planted fn findings and two of next's own. */
export const PLANTED = [
  { file: 'app/api/track/route.ts', ruleId: 'fn/no-floating-background-promise', line: 3 },
  { file: 'middleware.ts', ruleId: 'fn/prefer-after', line: 5 },
  { file: 'app/dashboard/page.tsx', ruleId: 'fn/valid-after', line: 6 },
  { file: 'app/page.tsx', ruleId: '@next/next/no-img-element', line: 4 },
  { file: 'app/page.tsx', ruleId: '@next/next/no-html-link-for-pages', line: 5 },
] as const;

/** eslint.config.mjs: Next's config first (as create-next-app writes it), then fn-kit's. */
function configFile(flat: boolean): string {
  const head = flat
    ? `import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
const next = [...nextVitals, ...nextTs];`
    : `import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlatCompat } from '@eslint/eslintrc';
const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });
const next = compat.extends('next/core-web-vitals', 'next/typescript');`;
  return `${head}
import fn from 'fn-kit/eslint-plugin';

export default [...next, ...fn.configs.next];
`;
}

export function eslintConfigNextInstall(c: EslintConfigNext): string {
  const dependencies: Record<string, string> = {
    'eslint-config-next': c.version,
    eslint: c.eslint,
    next: c.version, // eslint-config-next's parser loads next's compiled Babel parser
    typescript: TYPESCRIPT_VERSION,
    ...(c.flat ? {} : { '@eslint/eslintrc': ESLINTRC_VERSION }),
  };
  return cachedInstall('eslint-config-next', `${c.version}-eslint-${c.eslint}`, { dependencies });
}

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/** A temp copy of the app, ready to lint; the caller removes it. */
export function createEslintApp(c: EslintConfigNext): string {
  const install = eslintConfigNextInstall(c);
  const dir = mkdtempSync(join(tmpdir(), `fn-kit-eslint-next-${c.version}-`));
  cpSync(APP, dir, { recursive: true });
  const modules = join(install, 'node_modules');
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const s of readdirSync(join(modules, entry))) link(join(modules, entry, s), join(dir, 'node_modules', entry, s));
    else link(join(modules, entry), join(dir, 'node_modules', entry));
  }
  link(REPO_ROOT, join(dir, 'node_modules', 'fn-kit'));
  link(join(REPO_ROOT, 'node_modules', '@vercel', 'functions'), join(dir, 'node_modules', '@vercel', 'functions'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fn-kit-eslint-next-app', private: true, type: 'module', dependencies: { next: c.version } }, null, 2));
  writeFileSync(join(dir, 'eslint.config.mjs'), configFile(c.flat));
  copyFileSync(RUNNER, join(dir, 'eslint-run.mjs'));
  return dir;
}

export interface LintRun {
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly version?: string;
  readonly files?: string[];
  readonly messages?: { file: string; ruleId: string | null; line: number; message: string; fatal: boolean }[];
  readonly configs?: Record<string, { plugins: string[]; rules: string[] }>;
}

/** Lints the app's files in a child process with the app's ESLint (eslint-run.mjs). */
export function lintApp(dir: string): LintRun {
  const r = spawnSync(process.execPath, ['eslint-run.mjs', ...APP_FILES], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const parsed = r.status === 0 ? (JSON.parse(r.stdout) as Omit<LintRun, 'exitCode' | 'stderr'>) : {};
  return { exitCode: r.status, stderr: r.stderr, ...parsed };
}
