/**
 * The recall corpus (bench/recall/projects/) stays usable while the features it measures
 * are still landing: every marker parses and names a rule of the plugin, every project has
 * expected findings and traps, and each project lints with each of its configs without a
 * crash. Recall itself is measured by `npm run recall`, not asserted here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { parseMarkers, projectMarkers, score, sourceFiles } from '../../bench/lib/markers.mjs';
import { configRules, hasTsconfig, lintProject } from '../../bench/lib/project-lint.mjs';
import { listProjects, projectsDir } from '../../bench/recall.mjs';

const LINT_TIMEOUT = 120_000;

describe('parseMarkers', () => {
  it('reads expected findings, several rules on one line, and traps', () => {
    const text = ['go(); // expect: fn/no-floating-background-promise', 'ok();', 'x(); //expect: fn/a-b, fn/c', 'await y(); // expect-none'].join('\n');
    expect(parseMarkers(text, 'f.ts')).toEqual({
      expected: [
        { file: 'f.ts', line: 1, rule: 'fn/no-floating-background-promise' },
        { file: 'f.ts', line: 3, rule: 'fn/a-b' },
        { file: 'f.ts', line: 3, rule: 'fn/c' },
      ],
      traps: [{ file: 'f.ts', line: 4 }],
    });
  });

  it('rejects a marker without a plugin/rule name, naming file and line', () => {
    expect(() => parseMarkers('a();\nb(); // expect: floating', 'app/x.ts')).toThrow('app/x.ts:2: malformed marker');
    expect(() => parseMarkers('b(); // expect:', 'y.ts')).toThrow('y.ts:1');
  });
});

describe('score', () => {
  const markers = {
    expected: [
      { file: 'a.ts', line: 1, rule: 'fn/x' },
      { file: 'a.ts', line: 2, rule: 'fn/x' },
      { file: 'a.ts', line: 3, rule: 'fn/not-in-config' },
    ],
    traps: [{ file: 'a.ts', line: 5 }],
  };
  it('counts hits, misses, unexpected findings and sprung traps for the config rules only', () => {
    const found = [
      { file: 'a.ts', line: 1, rule: 'fn/x' },
      { file: 'a.ts', line: 5, rule: 'fn/x' },
      { file: 'a.ts', line: 9, rule: 'fn/x' },
    ];
    const result = score(markers, found, new Set(['fn/x']));
    expect(result).toMatchObject({ expected: 2, found: 3, hits: 1, recall: 0.5, precision: 1 / 3 });
    expect(result.missed).toEqual([{ file: 'a.ts', line: 2, rule: 'fn/x' }]);
    expect(result.unexpected.map((f: { line: number }) => f.line)).toEqual([5, 9]);
    expect(result.sprung.map((f: { line: number }) => f.line)).toEqual([5]);
  });
  it('a finding of the right line but another rule is no hit', () => {
    const result = score(markers, [{ file: 'a.ts', line: 1, rule: 'fn/y' }], new Set(['fn/x', 'fn/y']));
    expect(result).toMatchObject({ hits: 0, recall: 0, precision: 0 });
    expect(result.unexpected).toHaveLength(1);
  });
  it('no findings: precision is undefined, not 100%', () => {
    expect(score(markers, [], new Set(['fn/x'])).precision).toBeNull();
  });
});

describe('recall projects', () => {
  const projects = listProjects();
  const ruleNames = new Set(Object.keys(plugin.rules).map((name) => `fn/${name}`));

  it('cover the frameworks of SPEC section 5', () => {
    expect(projects).toEqual(expect.arrayContaining(['next-app-router', 'remix-app', 'sveltekit-app', 'hono-worker', 'express-api', 'nitro-app']));
  });

  describe.each(projects)('%s', (name) => {
    const dir = join(projectsDir, name);

    it('has parseable markers naming plugin rules, expected findings and traps, never both on one line', () => {
      const markers = projectMarkers(dir);
      expect(markers.expected.length).toBeGreaterThan(0);
      expect(markers.traps.length).toBeGreaterThan(0);
      for (const entry of markers.expected) expect(ruleNames, `${name}/${entry.file}:${entry.line}`).toContain(entry.rule);
      const trapLines = new Set(markers.traps.map((trap) => `${trap.file}:${trap.line}`));
      for (const entry of markers.expected) expect(trapLines.has(`${entry.file}:${entry.line}`), `${entry.file}:${entry.line}`).toBe(false);
      for (const file of sourceFiles(dir)) expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/\/\/\s*expect(?!:|-none)/);
    });

    const configs = ['recommended', ...(hasTsconfig(dir) ? ['recommended-type-checked' as const] : [])] as const;
    it.each(configs)('lints with %s without a crash or a parse error', async (configName) => {
      const run = await lintProject({ dir, plugin, configName });
      expect(run.crashes).toEqual([]);
      expect(run.files).toBe(sourceFiles(dir).length);
      for (const finding of run.findings) expect(configRules(plugin, configName)).toContain(finding.rule);
    }, LINT_TIMEOUT);
  });
});
