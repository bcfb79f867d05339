/**
 * The catalog's Next.js facts against real `next` releases: which `after` exports and
 * whether `NextProxy` exist in each version's own `next/server` typings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEXT_FACTS } from '../lib/catalog.js';
import { afterExportsOf } from '../lib/next-version.js';
import { nextPackage } from './next-project.js';
import { NEXT_VERSIONS } from './versions.js';

/** The value names `next/server.d.ts` exports (from its `export { … } from` lines). */
function serverExports(pkg: string): Set<string> {
  const text = readFileSync(join(pkg, 'server.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, '').trim();
      if (name) names.add(name);
    }
  }
  return names;
}

describe.each(NEXT_VERSIONS)('next@%s', (version) => {
  it("next/server exports exactly the catalog's after exports", () => {
    const pkg = nextPackage(version);
    expect(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version).toBe(version);
    const exported = serverExports(pkg);
    const afterNames = [NEXT_FACTS.unstableAfterExport, NEXT_FACTS.afterExport].filter((n) => exported.has(n));
    expect(afterNames.sort()).toEqual(afterExportsOf(version).sort());
    process.stdout.write(`[test:next] next@${version}: next/server exports ${afterNames.join(', ') || 'no after'}\n`);
  });

  it('has NextProxy exactly from the catalog proxyFrom on', () => {
    const exported = serverExports(nextPackage(version));
    const major = Number(version.split('.')[0]);
    expect(exported.has(NEXT_FACTS.proxyTypeExport)).toBe(major >= Number(NEXT_FACTS.proxyFrom.split('.')[0]));
  });
});
