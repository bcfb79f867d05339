/**
 * Which module export a local binding holds, on ESTree with scope analysis: the one place
 * the rules and the project index read import and `require` forms.
 *
 *   import { a } from 'm' / import { a as b } from 'm'     named
 *   import * as ns from 'm' / import d from 'm'             whole module (`*`)
 *   import ns = require('m')                                whole module (TypeScript)
 *   const { a: b } = require('m') / const ns = require('m') require forms
 *   require('m').a / (await import('m')).a                  direct member
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { importedName, memberName, propertyKey, staticString, unwrapTypeWrappers } from './ast.js';
import { variableOf, type ScopeSource } from './scope.js';

/** A binding (import or require) of a module, keyed by its local variable. */
export interface ModuleBinding {
  readonly module: string;
  /** The export name, or `*` for a namespace/default/whole-module binding. */
  readonly imported: string;
  readonly via: 'import' | 'require';
  /** `import d from 'm'`: the default export, or the whole module under CommonJS interop. */
  readonly defaultImport?: boolean;
}

/** `require('<m>')` or `await import('<m>')` -> `<m>`. */
export function requiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.AwaitExpression) return requiredModule(node.argument);
  if (node.type === AST_NODE_TYPES.ImportExpression) return staticString(node.source);
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1
  ) {
    return staticString(node.arguments[0]);
  }
  return undefined;
}

export function moduleBindingOf(variable: TSESLint.Scope.Variable): ModuleBinding | undefined {
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    // TypeScript's `import fns = require('m')`: a whole-module binding, like `const fns = require('m')`.
    if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = def.node.moduleReference;
      if (def.node.importKind === 'type' || ref.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
      const module = staticString(ref.expression);
      return module === undefined ? undefined : { module, imported: '*', via: 'require' };
    }
    const decl = def.parent as TSESTree.ImportDeclaration;
    if (decl.importKind === 'type') return undefined;
    const module = decl.source.value;
    const spec = def.node;
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      if (spec.importKind === 'type') return undefined;
      return { module, imported: importedName(spec), via: 'import' };
    }
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, imported: '*', via: 'import' };
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, imported: '*', via: 'import', defaultImport: true };
    return undefined;
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    const module = requiredModule(declarator.init);
    if (module === undefined) return undefined;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return { module, imported: '*', via: 'require' };
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      // Find the property whose value (possibly with a default) is this identifier.
      let node: TSESTree.Node | undefined = def.name;
      while (node?.parent && node.parent.type === AST_NODE_TYPES.AssignmentPattern) node = node.parent;
      const prop = node?.parent;
      if (prop?.type === AST_NODE_TYPES.Property && prop.parent === declarator.id) {
        const key = propertyKey(prop);
        if (key) return { module, imported: key, via: 'require' };
      }
    }
  }
  return undefined;
}

/** The export of any module that an identifier or member refers to. */
export interface ImportedReference {
  readonly module: string;
  readonly name: string;
  readonly via: 'named' | 'namespace' | 'require';
}

/**
 * What module export `node` (an Identifier or a member of a whole-module binding) refers to:
 * `a` of `import { a }`, `ns.a` of `import * as ns`, `require('m').a`. `binding` looks up a
 * variable's binding (callers may cache it).
 */
export function importedReference(
  source: ScopeSource,
  input: TSESTree.Node,
  binding: (variable: TSESLint.Scope.Variable) => ModuleBinding | undefined = moduleBindingOf,
): ImportedReference | undefined {
  const node = unwrapTypeWrappers(input);
  const bindingFor = (id: TSESTree.Identifier): ModuleBinding | undefined => {
    const variable = variableOf(source, id);
    return variable ? binding(variable) : undefined;
  };
  if (node.type === AST_NODE_TYPES.Identifier) {
    const found = bindingFor(node);
    if (!found || found.imported === '*') return undefined;
    return { module: found.module, name: found.imported, via: found.via === 'import' ? 'named' : 'require' };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    if (!name) return undefined;
    const direct = requiredModule(node.object);
    if (direct !== undefined) return { module: direct, name, via: 'require' };
    if (node.object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const found = bindingFor(node.object);
    if (found?.imported !== '*') return undefined;
    return { module: found.module, name, via: found.via === 'import' ? 'namespace' : 'require' };
  }
  return undefined;
}
