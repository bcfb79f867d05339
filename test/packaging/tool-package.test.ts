/**
 * The ROOT package (`fn-kit`: the CLI and the ESLint plugin, shipping dist/) packed and
 * installed together with the runtime package into a project under the OS temp dir.
 * Its install fetches the tools' dependencies (from the npm cache when it can).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
  // ESLint is the plugin's (optional) peer: a user installs it next to fn-kit.
  npmInstall(project.dir, [runtimeTarball!, toolTarball!, 'eslint@^10']);
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

  it('the installed ESLint plugin reports the misuse planted in examples/ (every rule of configs.strict)', async () => {
    cpSync(join(repoRoot, 'examples', 'next-app'), join(project.dir, 'next-app'), { recursive: true });
    project.write('eslint.config.mjs', "import fn from 'fn-kit/eslint-plugin';\nexport default [...fn.configs.strict];\n");
    const result = run('npx', ['--no-install', 'eslint', '--format', 'json', 'next-app'], { cwd: project.dir, allowFailure: true });
    expect(result.status, result.stderr).toBe(1); // findings, not a crash (2)
    const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean }[] }[];
    const messages = reports.flatMap((r) => r.messages);
    expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    const { default: plugin } = (await import(join(project.dir, 'node_modules', 'fn-kit', 'dist', 'rules', 'index.js'))) as {
      default: { configs: { strict: { rules?: Record<string, unknown> }[] } };
    };
    const strictRules = plugin.configs.strict.flatMap((block) => Object.keys(block.rules ?? {}));
    expect(strictRules.length).toBe(16);
    expect([...new Set(messages.map((m) => m.ruleId))].sort()).toEqual(strictRules.sort());
  }, 120_000);
});
