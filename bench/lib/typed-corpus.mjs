// The corpus sample for typed linting: a copy of the sampled files under one generated
// tsconfig.json (allowJs), so typescript-eslint's project service gives every file a program.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: { target: 'ES2022', lib: ['dom', 'es2022'], module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', noEmit: true, skipLibCheck: true, allowJs: true, checkJs: false },
    include: ['**/*'],
  },
  null,
  2,
)}\n`;

/** Copies `entries` (corpus manifest entries) from `fromDir` into `dir`; returns the copies' absolute paths. */
export function writeTypedCorpus(dir, fromDir, entries) {
  const stamp = entries.map((entry) => entry.path).join('\n');
  const stampFile = join(dir, '.stamp');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    for (const entry of entries) {
      const target = join(dir, entry.path);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(fromDir, entry.path), target);
    }
    writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
    writeFileSync(stampFile, stamp);
  }
  return entries.map((entry) => join(dir, entry.path));
}
