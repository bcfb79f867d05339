/**
 * `tsc --noEmit` (the repo's TypeScript) over a given list of files in a temp Next.js
 * project, with the compiler options create-next-app writes (`strict`, bundler resolution,
 * `allowJs`, the `@/*` path alias), plus:
 * - `checkJs` for JavaScript files, which are checked in a program of their own with
 *   `noImplicitAny` off: plain JS has no annotations, so every parameter would be an error;
 *   what matters there is that imports exist and calls fit the signatures;
 * - `moduleDetection: force`, so the many unrelated files of one program never share a
 *   global scope;
 * - `jsx: react-jsx` (what Next 16 writes; it needs no React in scope on 14 and 15 either).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './next-project.js';

export interface Diagnostic {
  /** Relative to the project. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  /** The message with its continuation lines. */
  readonly message: string;
}

export interface TscResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Project-relative paths of the files in the program (from --listFiles), outside node_modules. */
  readonly checked: ReadonlySet<string>;
}

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const JS_FILE = /\.[cm]?jsx?$/;

function compilerOptions(js: boolean): Record<string, unknown> {
  return {
    target: 'ES2017',
    lib: ['dom', 'dom.iterable', 'esnext'],
    allowJs: true,
    checkJs: js,
    skipLibCheck: true,
    strict: true,
    ...(js ? { noImplicitAny: false } : {}),
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    moduleDetection: 'force',
    jsx: 'react-jsx',
    types: ['node'],
    paths: { '@/*': ['./*'] },
  };
}

const LOCATED = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const UNLOCATED = /^error (TS\d+): (.*)$/;

function parse(output: string, dir: string): TscResult {
  const diagnostics: { file: string; line: number; column: number; code: string; message: string }[] = [];
  const checked = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    const unlocated = located ? undefined : UNLOCATED.exec(line);
    if (located) {
      const [, file, l, c, code, message] = located as unknown as [string, string, string, string, string, string];
      diagnostics.push({ file: relative(dir, resolve(dir, file)), line: Number(l), column: Number(c), code, message });
    } else if (unlocated) {
      diagnostics.push({ file: '', line: 0, column: 0, code: unlocated[1] ?? '', message: unlocated[2] ?? '' });
    } else if (/^\s/.test(line) && diagnostics.length > 0) {
      const last = diagnostics[diagnostics.length - 1];
      if (last) last.message += `\n${line}`;
    } else if (isAbsolute(line) && !line.includes('/node_modules/')) {
      checked.add(relative(dir, line));
    }
  }
  return { diagnostics, checked };
}

/** Type-checks `files` (project-relative) in `dir`: JS and TS files in one program each. */
export function typecheck(dir: string, files: readonly string[]): TscResult {
  const diagnostics: Diagnostic[] = [];
  const checked = new Set<string>();
  for (const js of [false, true]) {
    const group = files.filter((f) => JS_FILE.test(f) === js);
    if (group.length === 0) continue;
    const config = join(dir, js ? 'tsconfig.js.json' : 'tsconfig.json');
    writeFileSync(config, JSON.stringify({ compilerOptions: compilerOptions(js), files: ['next-env.d.ts', ...group] }, null, 2));
    const run = spawnSync(process.execPath, [TSC, '-p', config, '--pretty', 'false', '--listFiles'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    if (run.status === null || run.status > 2) throw new Error(`tsc exited ${run.status}: ${run.stderr}${run.stdout.slice(0, 2000)}`);
    const result = parse(run.stdout, dir);
    diagnostics.push(...result.diagnostics);
    for (const f of result.checked) checked.add(f);
  }
  return { diagnostics, checked };
}
