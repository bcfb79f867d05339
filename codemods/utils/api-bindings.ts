/**
 * Import resolution for the jscodeshift AST flavour: which local names bind which export
 * of which module, and which expressions in the file use them. Every transform asks here.
 *
 * Recognised forms (for any module `accept` admits; by default the catalog's API modules
 * plus --runtime-module):
 *   import { waitUntil } from 'm'              named
 *   import { waitUntil as wu } from 'm'        named (aliased)
 *   import * as fns from 'm'                   namespace: fns.waitUntil / fns['waitUntil']
 *   import fns from 'm'                        default (CommonJS interop): fns.waitUntil
 *   const { waitUntil: wu } = require('m')     require (destructuring, in any scope)
 *   const fns = require('m')                   require-namespace: fns.waitUntil
 *   require('m').waitUntil                     direct member of a require call
 * Uses are found with scope lookup, so a local variable that shadows an import is never
 * taken for the API.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { moduleExports, resolveApiModule } from '../../lib/catalog.js';
import type { ProjectIndex } from '../../lib/project-index/types.js';
import {
  type AnyNode,
  isMemberExpression,
  isObjectProperty,
  isReferenceIdentifier,
  memberPropertyName,
  propertyKeyName,
  requiredModule,
  unwrapExpression,
} from './ast.js';
import { scopeOf } from './scope.js';

export type BindingForm = 'named' | 'namespace' | 'default' | 'require' | 'require-namespace';

export interface ModuleBinding {
  /** The local variable name. */
  readonly local: string;
  /** The export it binds, or `*` for a namespace / default-interop / whole-module binding. */
  readonly exportName: string;
  readonly module: string;
  readonly form: BindingForm;
  /** `import type { X }` or `import { type X }`: never a value use. */
  readonly typeOnly: boolean;
  /** The ImportDeclaration or VariableDeclaration path. */
  readonly declaration: ASTPath;
  /** The ImportSpecifier / ImportNamespaceSpecifier / ImportDefaultSpecifier, or the pattern Property. */
  readonly specifier?: ASTPath;
  /** The VariableDeclarator path for require forms. */
  readonly declarator?: ASTPath;
  /** The node that owns the scope the binding lives in (identity is what matters). */
  readonly scopeNode: AnyNode;
}

export interface ModuleUse {
  /** An Identifier path (named forms) or a MemberExpression path (namespace forms). */
  readonly path: ASTPath;
  readonly exportName: string;
  readonly module: string;
  /** Undefined for `require('m').x`. */
  readonly binding?: ModuleBinding;
}

function importedName(spec: AnyNode): string | undefined {
  const imported = spec.imported;
  if (!imported) return undefined;
  return imported.type === 'Identifier' ? imported.name : (imported.value as string | undefined);
}

function scopeNodeOf(path: ASTPath): AnyNode {
  // ast-types gives every path the scope it is in; its node identifies the scope.
  return scopeOf(path)?.node;
}

/** Every binding in the file of a module that `accept` admits. */
export function collectModuleBindings(
  j: JSCodeshift,
  root: Collection,
  accept: (specifier: string) => boolean,
): ModuleBinding[] {
  const bindings: ModuleBinding[] = [];
  root.find(j.ImportDeclaration).forEach((declPath: ASTPath) => {
    const decl: AnyNode = declPath.node;
    const module = decl.source?.value;
    if (typeof module !== 'string' || !accept(module)) return;
    const declTypeOnly = decl.importKind === 'type' || decl.importKind === 'typeof';
    const specPaths: ASTPath[] = [];
    if (decl.specifiers?.length) (declPath.get('specifiers') as AnyNode).each((p: ASTPath) => specPaths.push(p));
    for (const specPath of specPaths) {
      const spec: AnyNode = specPath.node;
      const local: string | undefined = spec.local?.name;
      if (!local) continue;
      const scopeNode = scopeNodeOf(declPath);
      if (spec.type === 'ImportSpecifier') {
        const exportName = importedName(spec);
        if (!exportName) continue;
        bindings.push({
          local,
          exportName,
          module,
          form: 'named',
          typeOnly: declTypeOnly || spec.importKind === 'type' || spec.importKind === 'typeof',
          declaration: declPath,
          specifier: specPath,
          scopeNode,
        });
      } else if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier') {
        bindings.push({
          local,
          exportName: '*',
          module,
          form: spec.type === 'ImportNamespaceSpecifier' ? 'namespace' : 'default',
          typeOnly: declTypeOnly,
          declaration: declPath,
          specifier: specPath,
          scopeNode,
        });
      }
    }
  });

  root.find(j.VariableDeclarator).forEach((declaratorPath: ASTPath) => {
    const declarator: AnyNode = declaratorPath.node;
    const module = requiredModule(declarator.init);
    if (module === undefined || !accept(module)) return;
    const declaration = declaratorPath.parent as ASTPath;
    const scopeNode = scopeNodeOf(declaratorPath);
    const id: AnyNode = declarator.id;
    if (id.type === 'Identifier') {
      bindings.push({
        local: id.name,
        exportName: '*',
        module,
        form: 'require-namespace',
        typeOnly: false,
        declaration,
        declarator: declaratorPath,
        scopeNode,
      });
      return;
    }
    if (id.type !== 'ObjectPattern') return;
    const propPaths = declaratorPath.get('id', 'properties') as AnyNode;
    propPaths.each((propPath: ASTPath) => {
      const prop: AnyNode = propPath.node;
      if (!isObjectProperty(prop)) return;
      const exportName = propertyKeyName(prop);
      let value: AnyNode = prop.value;
      if (value?.type === 'AssignmentPattern') value = value.left;
      if (!exportName || value?.type !== 'Identifier') return;
      bindings.push({
        local: value.name,
        exportName,
        module,
        form: 'require',
        typeOnly: false,
        declaration,
        specifier: propPath,
        declarator: declaratorPath,
        scopeNode,
      });
    });
  });
  return bindings;
}

/**
 * The project's own modules, for the API under another name: `file` is the file being
 * rewritten, `index` the project index (lib/project-index) that reads its imports.
 */
export interface ProjectLookup {
  readonly file: string;
  readonly index: ProjectIndex;
}

/**
 * Bindings of the API modules (catalog + `runtimeModules`), and with `project`, named bindings
 * of a project module that passes an API export on unchanged (`export { waitUntil } from
 * '@vercel/functions'` in `lib/background.ts`): their `exportName` is the API's name. Wrappers
 * (functions of the project's own) are not the API: a codemod never rewrites them.
 */
export function collectApiBindings(
  j: JSCodeshift,
  root: Collection,
  runtimeModules: readonly string[] = [],
  project?: ProjectLookup,
): ModuleBinding[] {
  const isApi = (s: string): boolean => resolveApiModule(s, runtimeModules) !== null;
  const isProject = (s: string): boolean => project !== undefined && !isApi(s) && project.index.resolve(project.file, s) !== undefined;
  return collectModuleBindings(j, root, (s) => isApi(s) || isProject(s)).flatMap((b) => {
    if (!project || isApi(b.module)) return [b];
    if (b.exportName === '*') return b.form === 'namespace' || b.form === 'require-namespace' ? [b] : [];
    const alias = project.index.apiAlias(project.file, b.module, b.exportName);
    return alias && !alias.wrapper ? [{ ...b, exportName: alias.name }] : [];
  });
}

/** Whether an identifier path resolves (by scope lookup) to `binding`. */
export function refersTo(path: ASTPath, binding: ModuleBinding): boolean {
  const scope = scopeOf(path);
  const declaring = scope?.lookup(binding.local);
  return declaring !== undefined && declaring !== null && declaring.node === binding.scopeNode;
}

export interface FindUsesOptions {
  /** Which export names to look for; all when omitted. */
  readonly names?: readonly string[];
  /**
   * Whether the module exports the name (default: the catalog's moduleExports with
   * runtimeModules). Namespace uses of names the module does not export are ignored.
   */
  readonly exports?: (module: string, name: string) => boolean;
  readonly runtimeModules?: readonly string[];
}

/**
 * Value uses of module exports: identifiers bound by named/require bindings, and
 * `ns.name` / `require('m').name` members. In document order.
 */
export function findModuleUses(
  j: JSCodeshift,
  root: Collection,
  bindings: readonly ModuleBinding[],
  options: FindUsesOptions = {},
): ModuleUse[] {
  const runtimeModules = options.runtimeModules ?? [];
  const exportsName = options.exports ?? ((m: string, n: string) => moduleExports(m, n, runtimeModules));
  const wanted = (name: string): boolean => !options.names || options.names.includes(name);
  const uses: ModuleUse[] = [];

  const named = new Map<string, ModuleBinding[]>();
  const namespaces = new Map<string, ModuleBinding[]>();
  for (const b of bindings) {
    if (b.typeOnly) continue;
    const target = b.exportName === '*' ? namespaces : named;
    if (b.exportName !== '*' && !wanted(b.exportName)) continue;
    target.set(b.local, [...(target.get(b.local) ?? []), b]);
  }

  if (named.size > 0) {
    root.find(j.Identifier).forEach((p: ASTPath) => {
      const name: string = (p.node as AnyNode).name;
      const candidates = named.get(name);
      if (!candidates || !isReferenceIdentifier(p)) return;
      const binding = candidates.find((b) => refersTo(p, b));
      if (binding) uses.push({ path: p, exportName: binding.exportName, module: binding.module, binding });
    });
  }

  const visitMember = (p: ASTPath): void => {
    const node: AnyNode = p.node;
    const name = memberPropertyName(node);
    if (!name || !wanted(name)) return;
    const object = unwrapExpression(node.object);
    const direct = requiredModule(object);
    if (direct !== undefined) {
      if (exportsName(direct, name)) uses.push({ path: p, exportName: name, module: direct });
      return;
    }
    if (object?.type !== 'Identifier') return;
    const candidates = namespaces.get(object.name);
    if (!candidates) return;
    const objectPath = p.get('object') as ASTPath;
    const binding = candidates.find((b) => refersTo(objectPath, b));
    if (binding && exportsName(binding.module, name)) {
      uses.push({ path: p, exportName: name, module: binding.module, binding });
    }
  };
  // ast-types counts Babel's OptionalMemberExpression (`a?.b`) as a MemberExpression.
  root.find(j.MemberExpression).forEach(visitMember);
  uses.sort((a, b) => startOf(a.path) - startOf(b.path));
  return uses;
}

function startOf(path: ASTPath): number {
  const node: AnyNode = path.node;
  return node.start ?? node.range?.[0] ?? node.loc?.start?.index ?? 0;
}

/** Convenience: API bindings (with `project`, the project's re-exports of it too) and the uses of `names` in one call. */
export function findApiUses(
  j: JSCodeshift,
  root: Collection,
  names: readonly string[],
  runtimeModules: readonly string[] = [],
  project?: ProjectLookup,
): { bindings: ModuleBinding[]; uses: ModuleUse[] } {
  const bindings = collectApiBindings(j, root, runtimeModules, project);
  const exports = (module: string, name: string): boolean => {
    if (moduleExports(module, name, runtimeModules)) return true;
    // `bg.waitUntil` of `import * as bg from './background'`: only an export passed on under the API's own name.
    const alias = project && resolveApiModule(module, runtimeModules) === null ? project.index.apiAlias(project.file, module, name) : undefined;
    return alias !== undefined && !alias.wrapper && alias.name === name;
  };
  const uses = findModuleUses(j, root, bindings, { names, runtimeModules, exports });
  return { bindings, uses };
}

/** Whether a member-expression path is the callee of a call. */
export function isCallee(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  return (parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression') && path.name === 'callee';
}

export { isMemberExpression };
