/**
 * After the files are transformed: the packages the codemod made files import that their
 * nearest package.json does not declare. Each one is added to that package.json (with the
 * catalog's range; --dry shows the change as a diff, --print leaves it), or, with --no-deps or
 * when fn-codemod knows no range, reported as undeclared. The install command comes from the
 * project's lockfile; --install runs it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEPENDENCY_RANGES } from '../../lib/catalog.js';
import { addDependencies, declares, ManifestError, nearestManifest, parseManifest } from '../../lib/dependencies/manifest.js';
import { addCommand, detectPackageManager, type PackageManagerName } from '../../lib/dependencies/package-manager.js';
import { unifiedDiff, writeAtomic, type FileReport, type OutputMode } from './process-file.js';

export interface DependencyChange {
  /** The package.json, relative to the run's cwd (undefined: the files have none above them). */
  readonly manifest?: string;
  readonly package: string;
  readonly range?: string;
  /** added: written; would-add: --dry / --print; undeclared: imported but not declared, nothing written. */
  readonly action: 'added' | 'would-add' | 'undeclared';
  /** For `undeclared`: why nothing was added. */
  readonly reason?: string;
  /** For `undeclared`: the command that would add it. */
  readonly addCommand?: string;
  /** The files whose new imports need it. */
  readonly files: readonly string[];
}

export interface InstallReport {
  readonly packageManager: PackageManagerName;
  /** Relative to the run's cwd; `.` for the cwd itself. */
  readonly cwd: string;
  readonly command: string;
  /** How the package manager was found: its lockfile, the packageManager field, or the default. */
  readonly from: string;
  readonly ran: boolean;
  readonly exitCode?: number;
}

export interface DependencyOutcome {
  readonly changes: readonly DependencyChange[];
  readonly installs: readonly InstallReport[];
  /** --dry: a unified diff per edited package.json. */
  readonly diffs: readonly string[];
  /** Manifests that could not be edited, installs that failed. */
  readonly errors: readonly string[];
}

export interface DependencyOptions {
  readonly cwd: string;
  readonly mode: OutputMode;
  /** false with --no-deps. */
  readonly deps: boolean;
  /** --install. */
  readonly install: boolean;
  /** Where the install command's own output goes. */
  readonly log: NodeJS.WritableStream;
}

const NO_MANIFEST = '(none)';

function rel(cwd: string, path: string): string {
  return relative(cwd, path).split('\\').join('/') || '.';
}

/** manifest path -> package -> files, for the packages the manifest does not declare. */
function undeclaredImports(reports: readonly FileReport[], cwd: string): Map<string, Map<string, string[]>> {
  const manifests = new Map<string, Record<string, unknown> | undefined>();
  const byManifest = new Map<string, Map<string, string[]>>();
  for (const r of reports) {
    if (r.status !== 'changed' || !r.addedPackages?.length) continue;
    const manifest = nearestManifest(resolve(cwd, r.file)) ?? NO_MANIFEST;
    if (!manifests.has(manifest)) {
      let parsed: Record<string, unknown> | undefined;
      try {
        parsed = manifest === NO_MANIFEST ? undefined : parseManifest(readFileSync(manifest, 'utf8'), manifest);
      } catch {
        parsed = {};
      }
      manifests.set(manifest, parsed);
    }
    const parsed = manifests.get(manifest);
    for (const pkg of r.addedPackages) {
      if (parsed && declares(parsed, pkg)) continue;
      const packages = byManifest.get(manifest) ?? new Map<string, string[]>();
      byManifest.set(manifest, packages);
      packages.set(pkg, [...(packages.get(pkg) ?? []), r.file]);
    }
  }
  return byManifest;
}

export async function settleDependencies(reports: readonly FileReport[], options: DependencyOptions): Promise<DependencyOutcome> {
  const { cwd, mode } = options;
  const changes: DependencyChange[] = [];
  const diffs: string[] = [];
  const errors: string[] = [];
  const installRoots = new Map<string, ReturnType<typeof detectPackageManager>>();

  for (const [manifest, packages] of undeclaredImports(reports, cwd)) {
    const where = manifest === NO_MANIFEST ? undefined : rel(cwd, manifest);
    const pm = manifest === NO_MANIFEST ? undefined : detectPackageManager(manifest);
    const undeclared = (pkg: string, files: string[], reason: string): void => {
      const range = DEPENDENCY_RANGES[pkg];
      const spec = range === undefined ? pkg : `${pkg}@${range}`;
      changes.push({ manifest: where, package: pkg, range, action: 'undeclared', reason, addCommand: addCommand(pm?.name ?? 'npm', [spec]), files });
    };
    const additions: Record<string, string> = {};
    for (const [pkg, files] of packages) {
      const range = DEPENDENCY_RANGES[pkg];
      if (manifest === NO_MANIFEST) undeclared(pkg, files, 'no package.json above the file');
      else if (!options.deps) undeclared(pkg, files, '--no-deps');
      else if (range === undefined) undeclared(pkg, files, 'fn-codemod knows no version range for it; add it yourself');
      else additions[pkg] = range;
    }
    if (Object.keys(additions).length === 0 || where === undefined || pm === undefined) continue;
    const files = (pkg: string): string[] => packages.get(pkg) ?? [];
    try {
      const before = readFileSync(manifest, 'utf8');
      const after = addDependencies(before, additions, where);
      if (mode === 'write') {
        const stat = statSync(manifest);
        writeAtomic(manifest, Buffer.from(after, 'utf8'), stat.mtimeMs, stat.mode & 0o7777);
      } else if (mode === 'dry') {
        diffs.push(await unifiedDiff(where, before, after));
      }
    } catch (error) {
      const message = error instanceof ManifestError ? error.message : `${where}: cannot update: ${(error as Error).message}`;
      errors.push(message);
      for (const pkg of Object.keys(additions)) undeclared(pkg, files(pkg), message);
      continue;
    }
    for (const [pkg, range] of Object.entries(additions)) {
      changes.push({ manifest: where, package: pkg, range, action: mode === 'write' ? 'added' : 'would-add', files: files(pkg) });
    }
    installRoots.set(`${pm.name}\0${pm.root}`, pm);
  }

  const installs: InstallReport[] = [];
  for (const pm of installRoots.values()) {
    const report = { packageManager: pm.name, cwd: rel(cwd, pm.root), command: pm.install.join(' '), from: pm.from };
    if (!(options.install && mode === 'write')) {
      installs.push({ ...report, ran: false });
      continue;
    }
    const [command, ...args] = pm.install as [string, ...string[]];
    const run = spawnSync(command, args, { cwd: pm.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    options.log.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    const exitCode = run.error ? 127 : (run.status ?? 1);
    if (exitCode !== 0) {
      const why = run.error ? run.error.message : `exit code ${exitCode}`;
      errors.push(`\`${report.command}\` in ${report.cwd} failed (${why}); package.json is updated, run it yourself`);
    }
    installs.push({ ...report, ran: true, exitCode });
  }
  return { changes, installs, diffs, errors };
}

/** The summary's lines about dependencies (empty when there is nothing to say). */
export function dependencyLines(outcome: DependencyOutcome): string[] {
  if (outcome.changes.length === 0 && outcome.errors.length === 0) return [];
  const lines = ['', 'Dependencies:'];
  const count = (files: readonly string[]): string => `${files.length} file${files.length === 1 ? '' : 's'}`;
  for (const c of outcome.changes) {
    if (c.action === 'added') lines.push(`  added ${c.package}@${c.range} to ${c.manifest} (imported by ${count(c.files)})`);
    else if (c.action === 'would-add') lines.push(`  would add ${c.package}@${c.range} to ${c.manifest} (imported by ${count(c.files)})`);
    else {
      const where = c.manifest === undefined ? 'no package.json declares it' : `${c.manifest} does not declare it`;
      lines.push(`  warning: ${c.files.join(', ')} now import${c.files.length === 1 ? 's' : ''} ${c.package}, but ${where} (${c.reason}); add it: ${c.addCommand}`);
    }
  }
  for (const i of outcome.installs) {
    if (!i.ran) lines.push(`  install: run \`${i.command}\` in ${i.cwd} (${i.packageManager}, from ${i.from})${outcome.changes.some((c) => c.action === 'would-add') ? ' after a real run' : ''}`);
    else if (i.exitCode === 0) lines.push(`  installed: \`${i.command}\` in ${i.cwd}`);
  }
  for (const e of outcome.errors) lines.push(`  error: ${e}`);
  return lines;
}
