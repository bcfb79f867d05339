/**
 * The packages a file's text imports (`import … from`, `export … from`, `import()`,
 * `require()`, side-effect imports), by a text scan: the runner compares a file before and
 * after a transform to learn which packages the transform made it import. Relative paths,
 * absolute paths, `node:` and other URL-like specifiers and Node's built-in modules are not
 * packages.
 */
import { builtinModules } from 'node:module';
import { packageOf } from '../import-source.js';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n\r]+)\1/g;
const BUILTINS = new Set(builtinModules);

/** The package a bare specifier belongs to, or undefined for anything else. */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || /^[a-z][\w+.-]*:/i.test(specifier) || specifier.startsWith('#')) return undefined;
  const pkg = packageOf(specifier);
  if (pkg === '' || BUILTINS.has(pkg) || (pkg.startsWith('@') && !pkg.includes('/'))) return undefined;
  return pkg;
}

/** Every package the text names in an import or require, in first-seen order. */
export function importedPackages(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(SPECIFIER)) {
    const pkg = packageOfSpecifier(m[2] as string);
    if (pkg !== undefined) found.add(pkg);
  }
  return [...found];
}

/** The packages `after` imports that `before` did not. */
export function addedPackages(before: string, after: string): string[] {
  const had = new Set(importedPackages(before));
  return importedPackages(after).filter((p) => !had.has(p));
}
