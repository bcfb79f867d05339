/**
 * The plugin's name and version, read from fn-kit's own package.json (found upwards from
 * this file, so it works from the sources and from dist/ alike).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'fn-kit';

function readPackageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: keep looking upwards
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fn-kit ESLint plugin: cannot find ${PACKAGE_NAME}'s package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const PLUGIN_META = {
  name: `${PACKAGE_NAME}/eslint-plugin`,
  version: readPackageVersion(),
  namespace: 'fn',
} as const;
