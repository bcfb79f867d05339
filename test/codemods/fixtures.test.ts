/**
 * Runs every fixture under codemods/__testfixtures__/<transform>/ through the same
 * pipeline the CLI uses (cli/runner/apply: text filter, BOM/shebang/CRLF envelope,
 * transform, output re-parse).
 *
 * Fixture files (any of .js .jsx .ts .tsx .mjs .cjs .mts .cts .d.ts):
 *   <name>.input.<ext> + <name>.output.<ext>   rewritten; output must match exactly
 *   <name>.input.<ext> alone                    must stay unchanged
 *   <name>.options.json (optional sidecar):
 *     filename        virtual path handed to the transform (e.g. "app/api/route.ts"),
 *                     resolved under /virtual-project (no package.json there)
 *     project         a real project directory (relative to the repository) to resolve
 *                     `filename` under instead, so the file's imports lead somewhere
 *     nextVersion     as --next-version
 *     runtimeModules  as --runtime-module
 *     skip            the file must be skipped with a reason containing this text
 *     error           the file must fail with a message containing this text
 *     notes           texts each report note must contain (in order, same count)
 * For every rewrite: the output parses, and running the transform again changes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTransformName, loadTransform } from '../../codemods/index.js';
import { applyTransform, type ApplyOptions } from '../../cli/runner/apply.js';

const fixturesRoot = fileURLToPath(new URL('../../codemods/__testfixtures__/', import.meta.url));
const VIRTUAL_ROOT = resolve('/virtual-project');
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INPUT = /^(.+)\.input\.((?:d\.)?[cm]?[jt]sx?)$/;

interface FixtureOptions {
  filename?: string;
  project?: string;
  nextVersion?: string;
  runtimeModules?: string[];
  skip?: string;
  error?: string;
  notes?: string[];
}

interface Fixture {
  name: string;
  inputFile: string;
  outputFile?: string;
  options: FixtureOptions;
}

function fixturesOf(dir: string): Fixture[] {
  const files = readdirSync(dir);
  return files.flatMap((f) => {
    const m = INPUT.exec(f);
    if (!m) return [];
    const [, name, ext] = m as unknown as [string, string, string];
    const outputFile = join(dir, `${name}.output.${ext}`);
    const optionsFile = join(dir, `${name}.options.json`);
    return [
      {
        name: `${name}.${ext}`,
        inputFile: join(dir, f),
        outputFile: existsSync(outputFile) ? outputFile : undefined,
        options: existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as FixtureOptions) : {},
      },
    ];
  });
}

const transformDirs = existsSync(fixturesRoot)
  ? readdirSync(fixturesRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];

it('has fixtures only for known transforms', () => {
  expect(transformDirs.length).toBeGreaterThan(0);
  for (const dir of transformDirs) expect(isTransformName(dir), dir).toBe(true);
});

for (const transformName of transformDirs) {
  describe(transformName, () => {
    const fixtures = fixturesOf(join(fixturesRoot, transformName));
    it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));

    for (const fixture of fixtures) {
      it(fixture.name, async () => {
        if (!isTransformName(transformName)) throw new Error(`unknown transform ${transformName}`);
        const transform = await loadTransform(transformName);
        const input = readFileSync(fixture.inputFile, 'utf8');
        const base = fixture.options.project ? join(REPO_ROOT, fixture.options.project) : VIRTUAL_ROOT;
        const filename = fixture.options.filename
          ? join(base, fixture.options.filename)
          : join(VIRTUAL_ROOT, fixture.inputFile.slice(fixturesRoot.length));
        const options: ApplyOptions = {
          nextVersion: fixture.options.nextVersion,
          runtimeModules: fixture.options.runtimeModules ?? [],
        };
        const result = await applyTransform(filename, input, transform, options);

        if (fixture.options.skip !== undefined) {
          expect(result.status).toBe('skipped');
          if (result.status === 'skipped') expect(result.reason).toContain(fixture.options.skip);
          return;
        }
        if (fixture.options.error !== undefined) {
          expect(result.status).toBe('error');
          if (result.status === 'error') expect(result.error.message).toContain(fixture.options.error);
          return;
        }
        const expectedNotes = fixture.options.notes ?? [];
        expect(result.notes.length, `notes: ${JSON.stringify(result.notes)}`).toBe(expectedNotes.length);
        expectedNotes.forEach((n, i) => expect(result.notes[i]).toContain(n));

        if (!fixture.outputFile) {
          expect(result.status, result.status === 'error' ? result.error.message : '').toBe('unchanged');
          return;
        }
        expect(result.status, result.status === 'error' ? result.error.message : '').toBe('changed');
        if (result.status !== 'changed') return;
        expect(result.output).toBe(readFileSync(fixture.outputFile, 'utf8'));

        const again = await applyTransform(filename, result.output, transform, options);
        expect(again.status, 'a second run must change nothing').toBe('unchanged');
      });
    }
  });
}
