/**
 * The fixtures of the transforms that introduce or change `after` (codemods/__testfixtures__/
 * <transform>/): input, committed output and options, read the way test/codemods/fixtures.test.ts
 * reads them. Each becomes a case: the input placed at the path its options name, plus the
 * stub modules it imports (fixture-support.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './next-project.js';

export const AFTER_TRANSFORMS = ['wait-until-to-after', 'floating-to-wait-until', 'unstable-after-to-after'] as const;
export type AfterTransform = (typeof AFTER_TRANSFORMS)[number];

export interface FixtureOptions {
  readonly filename?: string;
  /**
   * A real project the fixture runs in (test/rules/fixtures/project-index): its output depends
   * on that project's modules, which the temp project only stubs (fixture-support.ts).
   */
  readonly project?: string;
  readonly nextVersion?: string;
  readonly runtimeModules?: readonly string[];
  readonly skip?: string;
  readonly error?: string;
}

export interface CodemodFixture {
  readonly transform: AfterTransform;
  /** The fixture's base name (`route-merge`). */
  readonly name: string;
  /** `<transform>/<name>`: the key of the stub and exclusion tables. */
  readonly id: string;
  /** Where the input sits in a project (`app/api/audit/route.ts`). */
  readonly path: string;
  readonly input: string;
  /** The committed output, when the transform rewrites the input. */
  readonly output: string | undefined;
  readonly options: FixtureOptions;
}

const FIXTURES_ROOT = join(REPO_ROOT, 'codemods', '__testfixtures__');
const INPUT = /^(.+)\.input\.((?:d\.)?[cm]?[jt]sx?)$/;

export function codemodFixtures(transform: AfterTransform): CodemodFixture[] {
  const dir = join(FIXTURES_ROOT, transform);
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const m = INPUT.exec(file);
      if (!m) return [];
      const [, name, ext] = m as unknown as [string, string, string];
      const outputFile = join(dir, `${name}.output.${ext}`);
      const optionsFile = join(dir, `${name}.options.json`);
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as FixtureOptions) : {};
      return [
        {
          transform,
          name,
          id: `${transform}/${name}`,
          path: options.filename ?? `${name}.${ext}`,
          input: readFileSync(join(dir, file), 'utf8'),
          output: existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : undefined,
          options,
        },
      ];
    });
}
