/**
 * Which module a transform imports an API export from, and the import itself: an existing
 * binding of the export from any API module is reused (where it is visible); else the module
 * comes from lib/import-source (a module the file already imports the API from, else one the
 * file's nearest package.json declares, else the catalog's CANONICAL_IMPORT, which the runner
 * then adds to that package.json). The deprecated
 * `@vercel/functions/oidc` entry point is reused but never chosen for a new import.
 */
import type { ASTPath, Collection } from 'jscodeshift';
import { moduleExports } from '../../lib/catalog.js';
import { chooseImportSource } from '../../lib/import-source.js';
import { type AnyNode, programOf, requiredModule, stringValue } from './ast.js';
import type { ImportEditor } from './imports.js';

/** The specifiers of the file's value imports and top-level requires, in file order. */
export function importedModules(root: Collection): string[] {
  const modules: string[] = [];
  for (const node of programOf(root).body as AnyNode[]) {
    if (node.type === 'ImportDeclaration' && node.importKind !== 'type') {
      const specifier = stringValue(node.source);
      if (specifier !== undefined) modules.push(specifier);
    } else if (node.type === 'VariableDeclaration') {
      for (const d of node.declarations as AnyNode[]) {
        const specifier = requiredModule(d.init);
        if (specifier !== undefined) modules.push(specifier);
      }
    }
  }
  return modules;
}

/**
 * The module a new import of the API export `name` should come from. Without `filename` the
 * project is not looked at (the file's own imports, else the catalog's default).
 */
export function apiImportModule(root: Collection, name: string, runtimeModules: readonly string[], filename?: string): string {
  // Only what the file's own package.json declares: the runner adds the package when none serves.
  return chooseImportSource(filename, name, importedModules(root), runtimeModules, { project: 'declared' }).module;
}

/**
 * Makes the API export `name` available and returns the expression to use for it (`getEnv`,
 * `getEnvFn`, `fns.getEnv`). `module` overrides the module of a new import. With `at`, the
 * expression is one that refers to the import at each of those places (see ImportEditor.ensure).
 */
export function ensureApiImport(
  editor: ImportEditor,
  root: Collection,
  name: string,
  runtimeModules: readonly string[],
  module?: string,
  at?: ASTPath | readonly ASTPath[],
): string {
  return editor.ensure({
    module: module ?? apiImportModule(root, name, runtimeModules, editor.filename),
    name,
    reuseFrom: (s) => moduleExports(s, name, runtimeModules),
    at,
  });
}
