/**
 * The framework fixtures under fixtures/frameworks-typed/ (one mini project per framework, typed
 * by the frameworks' real type packages) linted with fn/no-floating-background-promise and
 * fn/prefer-ip-address, once with type information (projectService, each project's own
 * tsconfig.json) and once without. The `// expect` markers in the fixtures say what each run
 * must report (fixtures/frameworks-typed/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { fixture } from './fixtures/paths.js';

const ROOT = fixture('frameworks-typed', '');
const PROJECTS = ['hono', 'sveltekit', 'express', 'nitro', 'react-router'];
const RULES = ['fn/no-floating-background-promise', 'fn/prefer-ip-address'];
const MARKER = /\/\/ (expect|expect-typed): (\w+)(?: keeper=(\S+))?\s*$/;

/** A finding as both the markers and ESLint describe it. */
interface Finding {
  readonly file: string;
  readonly line: number;
  readonly messageId: string;
  /** The host keeper of the first hand-off suggestion (after `await`), if it is the keeper's. */
  readonly keeper?: string;
}

const key = (f: Finding): string => `${f.file}:${f.line} ${f.messageId}${f.keeper ? ` keeper=${f.keeper}` : ''}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const posix = (path: string): string => relative(ROOT, path).split(sep).join('/');

/** The findings the markers ask for: `typed` adds the `expect-typed` ones. */
function expected(typed: boolean): string[] {
  return PROJECTS.flatMap((project) => sourceFiles(join(ROOT, project)))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((text, i) => {
          const m = MARKER.exec(text);
          if (!m?.[2] || (m[1] === 'expect-typed' && !typed)) return [];
          return [key({ file: posix(file), line: i + 1, messageId: m[2], keeper: m[3] })];
        }),
    )
    .sort();
}

const KEEPER_DESC = /^Hand it to `(.+)\(\.\.\.\)`, the host's own keeper/;

async function lint(typed: boolean): Promise<{ findings: string[]; problems: string[] }> {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: ROOT } : {},
      },
    },
    { plugins: { fn: plugin as unknown as ESLint.Plugin }, rules: Object.fromEntries(RULES.map((id) => [id, 'error'])) },
  ];
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(PROJECTS.map((p) => `${p}/**/*.ts`));
  const problems: string[] = [];
  const findings: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (!m.ruleId || !m.messageId) {
        problems.push(`${posix(result.filePath)}:${m.line} ${m.message}`);
        continue;
      }
      const handOff = m.suggestions?.find((s) => s.messageId?.startsWith('wrap'));
      const keeper = handOff?.messageId === 'wrapKeeper' ? KEEPER_DESC.exec(handOff.desc)?.[1] : undefined;
      findings.push(key({ file: posix(result.filePath), line: m.line, messageId: m.messageId, keeper }));
    }
  }
  return { findings: findings.sort(), problems };
}

let typed: Awaited<ReturnType<typeof lint>>;
let untyped: Awaited<ReturnType<typeof lint>>;

beforeAll(async () => {
  [typed, untyped] = await Promise.all([lint(true), lint(false)]);
}, 120_000);

describe('framework fixtures with the frameworks’ real types', () => {
  it('every fixture project type-checks against the installed packages', () => {
    for (const project of PROJECTS) {
      const configPath = join(ROOT, project, 'tsconfig.json');
      const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
      const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
      const program = ts.createProgram(parsed.fileNames, parsed.options);
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics, project).toEqual([]);
      expect(parsed.fileNames.length, project).toBeGreaterThan(1);
    }
  });

  it('the markers cover every project, typed-only findings included', () => {
    for (const project of PROJECTS) {
      const count = (typed: boolean) => expected(typed).filter((f) => f.startsWith(`${project}/`)).length;
      expect(count(false), project).toBeGreaterThan(0);
      expect(count(true), project).toBeGreaterThan(count(false));
    }
  });

  it('with type information: exactly the expect and expect-typed findings, keepers first where the host has one', () => {
    expect(typed.problems).toEqual([]);
    expect(typed.findings).toEqual(expected(true));
  });

  it('without type information: exactly the expect findings', () => {
    expect(untyped.problems).toEqual([]);
    expect(untyped.findings).toEqual(expected(false));
  });

  it('the typed run agrees with the untyped one wherever the untyped one reports', () => {
    expect(typed.findings).toEqual(expect.arrayContaining(untyped.findings));
    const typedOnly = typed.findings.filter((f) => !untyped.findings.includes(f));
    // Only no-floating-background-promise needs types here (typed methods, imported helpers); header reads never do.
    expect(typedOnly.length).toBeGreaterThan(0);
    for (const f of typedOnly) expect(f).toMatch(/ floating( |$)/);
  });
});
