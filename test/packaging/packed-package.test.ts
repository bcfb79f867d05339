/**
 * `npm pack` of packages/functions installed into a project under the OS temp dir
 * (outside the repo, so nothing resolves through the workspace): used from ESM, from
 * CommonJS and from TypeScript, without the optional AWS peer.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedConsumerOutput } from './expected-consumer-output.js';
import { buildRuntime, functionsDir, node, npmInstall, npmPack, repoRoot, run, tempProject, tscBin, typeRoots } from './helpers.js';

const fixtures = join(repoRoot, 'test', 'packaging', 'fixtures');
const parse = (stdout: string): Record<string, unknown> => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

let project: ReturnType<typeof tempProject>;
let packDir: string;
let tarball: string;

beforeAll(async () => {
  await buildRuntime();
  packDir = mkdtempSync(join(tmpdir(), 'fn-kit-pack-'));
  tarball = npmPack(functionsDir, packDir);
  project = tempProject('fn-kit-functions', { type: 'commonjs' });
  npmInstall(project.dir, [tarball]);
  for (const file of ['esm-consumer.mjs', 'cjs-consumer.cjs', 'consumer.mts', 'consumer.cts']) {
    copyFileSync(join(fixtures, file), join(project.dir, file));
  }
  const tsconfig = JSON.parse(readFileSync(join(fixtures, 'tsconfig.consumer.json'), 'utf8'));
  tsconfig.compilerOptions.typeRoots = [typeRoots];
  project.write('tsconfig.json', JSON.stringify(tsconfig, null, 2));
}, 150_000);

afterAll(() => {
  project?.remove();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe('packed @fn-kit/functions', () => {
  it('installs from the tarball with its types, both builds and no runtime dependencies', () => {
    const installed = join(project.dir, 'node_modules', '@fn-kit', 'functions');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json', 'dist/esm/oidc/index.js', 'README.md']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(project.dir, 'node_modules', '@aws-sdk', 'credential-provider-web-identity'))).toBe(false);
  });

  it('works from ESM, and says the AWS peer is missing', () => {
    const out = parse(node(project.dir, 'esm-consumer.mjs').stdout);
    expect(out).toMatchObject(expectedConsumerOutput('esm', 'ERR_FN_KIT_MISSING_PEER'));
  });

  it('works from CommonJS, and says the AWS peer is missing', () => {
    const out = parse(node(project.dir, 'cjs-consumer.cjs').stdout);
    expect(out).toMatchObject(expectedConsumerOutput('cjs', 'ERR_FN_KIT_MISSING_PEER'));
  });

  it('type-checks a TypeScript consumer of every export (ESM and CommonJS resolution)', () => {
    const result = run(process.execPath, [tscBin, '-p', 'tsconfig.json'], { cwd: project.dir, allowFailure: true });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails type-checking when the consumer misuses the API (the check is real)', () => {
    project.write('misuse.mts', "import { waitUntil } from '@fn-kit/functions';\nwaitUntil('not a promise');\n");
    const result = run(process.execPath, [tscBin, '--noEmit', '--skipLibCheck', '--module', 'nodenext', '--strict', '--types', 'node', '--typeRoots', typeRoots, 'misuse.mts'], {
      cwd: project.dir,
      allowFailure: true,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/misuse\.mts\(2,11\): error TS2345/);
  }, 120_000);
});
