/**
 * The inputs of the fix type checks, as cases: a case is one small project tree (its input
 * files plus the stub modules they import), written into a temp Next.js project under a
 * directory of its own.
 *
 * - `rules:<name>`: test-next/fixtures/rules/<name>/** (every file is an input), written for
 *   the fixes of fn/prefer-after, fn/valid-after and fn/no-floating-background-promise;
 * - `codemod:<transform>/<fixture>`: a codemod fixture's input at the path its options name,
 *   with its stubs (fixture-support.ts). Excluded and parse-error fixtures are not cases.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AFTER_TRANSFORMS, codemodFixtures, type CodemodFixture } from './codemod-fixtures.js';
import { EXCLUDED_FIXTURES, FIXTURE_STUBS, isParseErrorFixture } from './fixture-support.js';

export interface Case {
  readonly id: string;
  /** A directory name for the case (no `app`, `pages` or `src` segment). */
  readonly slug: string;
  /** Input files, relative to the case root. */
  readonly inputs: readonly string[];
  /** Every file of the case (inputs and stubs): relative path -> text. */
  readonly files: Readonly<Record<string, string>>;
  /** The codemod fixture the case comes from. */
  readonly fixture?: CodemodFixture;
}

const RULE_CASES_DIR = fileURLToPath(new URL('./fixtures/rules/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

export function ruleCases(): Case[] {
  return readdirSync(RULE_CASES_DIR)
    .sort()
    .map((name) => {
      const root = join(RULE_CASES_DIR, name);
      const paths = filesUnder(root).map((p) => relative(root, p)).sort();
      return {
        id: `rules:${name}`,
        slug: `rules-${name}`,
        inputs: paths,
        files: Object.fromEntries(paths.map((p) => [p, readFileSync(join(root, p), 'utf8')])),
      };
    });
}

export function fixtureCase(fixture: CodemodFixture): Case {
  return {
    id: `codemod:${fixture.id}`,
    slug: `${fixture.transform}-${fixture.name}`,
    inputs: [fixture.path],
    files: { ...FIXTURE_STUBS[fixture.id], [fixture.path]: fixture.input },
    fixture,
  };
}

/** Every codemod fixture of the after transforms that can be type-checked, as a case. */
export function codemodCases(): Case[] {
  return AFTER_TRANSFORMS.flatMap((t) => codemodFixtures(t))
    .filter((f) => EXCLUDED_FIXTURES[f.id] === undefined && !isParseErrorFixture(f.options))
    .map(fixtureCase);
}

/** Writes `files` under `root`; returns the paths written, relative to `root`. */
export function writeFiles(root: string, files: Readonly<Record<string, string>>): string[] {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return Object.keys(files);
}
