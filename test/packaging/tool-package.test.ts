/**
 * The ROOT package (`fn-kit`: the CLI and the ESLint plugin, shipping dist/) packed and
 * installed together with the runtime package into a project under the OS temp dir.
 * Its install fetches the tools' dependencies (from the npm cache when it can).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionsDir, node, npmInstall, npmPack, repoRoot, run, tempProject, withBuildLock } from './helpers.js';

let project: ReturnType<typeof tempProject>;
let packDir: string;

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'fn-kit-tool-pack-'));
  // `npm pack` at the root runs `prepare` (the full build, runtime included): hold the lock.
  const [toolTarball, runtimeTarball] = await withBuildLock(() => [npmPack(repoRoot, packDir), npmPack(functionsDir, packDir)]);
  project = tempProject('fn-kit-tool');
  npmInstall(project.dir, [runtimeTarball!, toolTarball!]);
}, 170_000);

afterAll(() => {
  project?.remove();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe('packed fn-kit with @fn-kit/functions', () => {
  it('require("@fn-kit/functions") works next to the tools', () => {
    project.write(
      'use-runtime.cjs',
      "const fn = require('@fn-kit/functions');\n" +
        "const geo = fn.geolocation({ headers: new Headers({ 'x-vercel-ip-country': 'NL' }) });\n" +
        "console.log(JSON.stringify({ waitUntil: typeof fn.waitUntil, flag: geo.flag, resolved: require.resolve('@fn-kit/functions') }));\n",
    );
    const out = JSON.parse(node(project.dir, 'use-runtime.cjs').stdout.trim());
    expect(out.waitUntil).toBe('function');
    expect(out.flag).toBe('🇳🇱');
    expect(out.resolved).toContain(join(project.dir, 'node_modules', '@fn-kit', 'functions'));
  });

  it('npx fn-codemod --help prints the usage', () => {
    const result = run('npx', ['--no-install', 'fn-codemod', '--help'], { cwd: project.dir });
    expect(result.stdout).toContain('fn-codemod');
    expect(result.stdout).toMatch(/--help/);
  }, 60_000);
});
