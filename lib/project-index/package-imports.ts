/**
 * Subpath imports (`#db`, `#lib/*`) of the package.json that scopes a file: the `imports`
 * field of the nearest package.json, as Node.js resolves it (exact keys, then the longest
 * key with one `*`; a conditions object gives its first target under a condition that runs
 * on the server).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Conditions that name code running on the server (`types` names declarations, not code). */
const CONDITIONS = new Set(['source', 'development', 'node', 'import', 'require', 'module', 'default']);
const byDir = new Map<string, { dir: string; imports: Record<string, unknown> } | null>();

function scopeOf(dir: string): { dir: string; imports: Record<string, unknown> } | undefined {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let found: { dir: string; imports: Record<string, unknown> } | null = null;
  let text: string | undefined;
  try {
    text = readFileSync(join(dir, 'package.json'), 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    try {
      const manifest = JSON.parse(text) as { imports?: unknown };
      const imports = manifest.imports;
      if (typeof imports === 'object' && imports !== null && !Array.isArray(imports)) {
        found = { dir, imports: imports as Record<string, unknown> };
      }
    } catch {
      found = null;
    }
  } else {
    const parent = dirname(dir);
    found = parent === dir ? null : (scopeOf(parent) ?? null);
  }
  byDir.set(dir, found);
  return found ?? undefined;
}

/** The first target string a mapping value gives (a string, an array, or a conditions object). */
function targetOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = targetOf(v);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [condition, v] of Object.entries(value)) {
      if (!CONDITIONS.has(condition)) continue;
      const t = targetOf(v);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** The absolute path a `#…` specifier maps to from a file in `dir`, or undefined (no mapping, or a package target). */
export function applyPackageImports(dir: string, specifier: string): string | undefined {
  const scope = scopeOf(dir);
  if (!scope) return undefined;
  let target: string | undefined;
  if (Object.hasOwn(scope.imports, specifier)) target = targetOf(scope.imports[specifier]);
  else {
    let best: { key: string; middle: string } | undefined;
    for (const key of Object.keys(scope.imports)) {
      const star = key.indexOf('*');
      if (star < 0 || key.indexOf('*', star + 1) >= 0) continue;
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < key.length - 1) continue;
      if (!best || prefix.length > best.key.indexOf('*')) {
        best = { key, middle: specifier.slice(prefix.length, specifier.length - suffix.length) };
      }
    }
    if (best) target = targetOf(scope.imports[best.key])?.replaceAll('*', best.middle);
  }
  // Only targets inside the package: `./src/db.ts`. A bare target names a dependency.
  return target?.startsWith('./') ? resolve(scope.dir, target) : undefined;
}
