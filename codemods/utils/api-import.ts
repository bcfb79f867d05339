/**
 * Which module a transform imports an API export from, and the import itself: an existing
 * binding of the export from any API module is reused; else the export joins an import the
 * file already has of an API module that exports it (so a file on `@fn-kit/functions` stays
 * on it); else it comes from the catalog's CANONICAL_IMPORT. The deprecated
 * `@vercel/functions/oidc` entry point is reused but never chosen for a new import.
 */
import type { Collection } from 'jscodeshift';
import { CANONICAL_IMPORT, DEPRECATED_OIDC_SUBPATH, moduleExports, PREFERRED_FUNCTIONS_PACKAGE } from '../../lib/catalog.js';
import { type AnyNode, programOf, requiredModule, stringValue } from './ast.js';
import type { ImportEditor } from './imports.js';

const DEPRECATED_OIDC = `${PREFERRED_FUNCTIONS_PACKAGE}${DEPRECATED_OIDC_SUBPATH}`;

/** The module a new import of the API export `name` should come from. */
export function apiImportModule(root: Collection, name: string, runtimeModules: readonly string[]): string {
  for (const node of programOf(root).body as AnyNode[]) {
    const specifier =
      node.type === 'ImportDeclaration' && node.importKind !== 'type'
        ? stringValue(node.source)
        : node.type === 'VariableDeclaration'
          ? (node.declarations as AnyNode[]).map((d) => requiredModule(d.init)).find((m) => m !== undefined)
          : undefined;
    if (specifier !== undefined && specifier !== DEPRECATED_OIDC && moduleExports(specifier, name, runtimeModules)) return specifier;
  }
  const canonical = CANONICAL_IMPORT[name];
  if (canonical === undefined) throw new Error(`the catalog has no canonical module for ${name}`);
  return canonical;
}

/**
 * Makes the API export `name` available and returns the expression to use for it (`getEnv`,
 * `getEnvFn`, `fns.getEnv`). `module` overrides the module of a new import.
 */
export function ensureApiImport(
  editor: ImportEditor,
  root: Collection,
  name: string,
  runtimeModules: readonly string[],
  module?: string,
): string {
  return editor.ensure({
    module: module ?? apiImportModule(root, name, runtimeModules),
    name,
    reuseFrom: (s) => moduleExports(s, name, runtimeModules),
  });
}
