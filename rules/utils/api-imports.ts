/**
 * Import resolution on ESTree, with scope analysis: "is this reference the API's
 * `waitUntil`?" Every rule asks here; none walks imports on its own.
 *
 * Recognised forms (from any API module of the catalog, plus settings.fn.runtimeModules):
 *   import { waitUntil } from '@vercel/functions'
 *   import { waitUntil as wu } from '@vercel/functions'
 *   import * as fns from '@vercel/functions'         fns.waitUntil / fns['waitUntil']
 *   import fns from '@vercel/functions'              (CommonJS interop default)
 *   const { waitUntil: wu } = require('@vercel/functions')
 *   const fns = require('@vercel/functions')         fns.waitUntil
 *   require('@vercel/functions').waitUntil
 * A local binding that merely has the same name is never the API (scope analysis decides).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { mentionsApiModule, moduleExports, resolveApiModule } from '../../lib/catalog.js';
import { importedName, memberName, propertyKey, staticString, unwrapTypeWrappers } from './ast.js';
import { variableOf } from './scope.js';
import { readFnSettings } from './settings.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ApiReference {
  /** The API export name, e.g. `waitUntil`. */
  readonly name: string;
  /** The module specifier it was imported from. */
  readonly module: string;
  readonly via: 'named' | 'namespace' | 'require';
}

/** A binding (import or require) of a module, keyed by its local variable. */
interface ModuleBinding {
  readonly module: string;
  /** The export name, or `*` for a namespace/default/whole-module binding. */
  readonly imported: string;
  readonly via: 'import' | 'require';
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

function bindingOf(variable: TSESLint.Scope.Variable): ModuleBinding | undefined {
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
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier || spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return { module, imported: '*', via: 'import' };
    }
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

export interface ApiResolver {
  /** False when the file cannot reference the API at all: rules bail out early. */
  readonly mayUseApi: boolean;
  /** Extra modules from settings.fn.runtimeModules. */
  readonly extraModules: readonly string[];
  /** What API export `node` (an Identifier or MemberExpression) refers to, if any. */
  resolve(node: TSESTree.Node): ApiReference | undefined;
  /** `resolve(node)?.name === name`, for any of the names given. */
  isApi(node: TSESTree.Node, ...names: string[]): boolean;
  /** For a call, the API function it calls. */
  resolveCall(node: TSESTree.CallExpression): ApiReference | undefined;
  /** Whether a module specifier is an API module (including the user's extra modules). */
  isApiModule(specifier: string): boolean;
}

const resolvers = new WeakMap<object, ApiResolver>();

/** The resolver for the file being linted (one per file, shared by all rules). */
export function getApiResolver(context: Context): ApiResolver {
  const sourceCode = context.sourceCode;
  const cached = resolvers.get(sourceCode);
  if (cached) return cached;
  const { runtimeModules } = readFnSettings(context);
  const resolver = createResolver(sourceCode, runtimeModules);
  resolvers.set(sourceCode, resolver);
  return resolver;
}

function createResolver(sourceCode: Readonly<TSESLint.SourceCode>, extraModules: readonly string[]): ApiResolver {
  const mayUseApi = mentionsApiModule(sourceCode.text, extraModules);
  const bindingCache = new Map<TSESLint.Scope.Variable, ModuleBinding | null>();

  const cachedBinding = (variable: TSESLint.Scope.Variable): ModuleBinding | undefined => {
    let b = bindingCache.get(variable);
    if (b === undefined) {
      b = bindingOf(variable) ?? null;
      bindingCache.set(variable, b);
    }
    return b ?? undefined;
  };

  const apiRef = (module: string, name: string, via: ApiReference['via']): ApiReference | undefined =>
    moduleExports(module, name, extraModules) ? { name, module, via } : undefined;

  const resolve = (input: TSESTree.Node): ApiReference | undefined => {
    if (!mayUseApi) return undefined;
    const node = unwrapTypeWrappers(input);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(sourceCode, node);
      const binding = variable && cachedBinding(variable);
      if (!binding || binding.imported === '*') return undefined;
      return apiRef(binding.module, binding.imported, binding.via === 'import' ? 'named' : 'require');
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(node);
      if (!name) return undefined;
      const object = node.object;
      const direct = requiredModule(object);
      if (direct !== undefined) return apiRef(direct, name, 'require');
      if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = variableOf(sourceCode, object);
      const binding = variable && cachedBinding(variable);
      if (!binding || binding.imported !== '*') return undefined;
      return apiRef(binding.module, name, binding.via === 'import' ? 'namespace' : 'require');
    }
    return undefined;
  };

  return {
    mayUseApi,
    extraModules,
    resolve,
    isApi: (node, ...names) => {
      const ref = resolve(node);
      return ref !== undefined && names.includes(ref.name);
    },
    resolveCall: (node) => resolve(node.callee),
    isApiModule: (specifier) => resolveApiModule(specifier, extraModules) !== null,
  };
}

/** The export of any module (not only the API's) that an identifier or member refers to. */
export interface ImportedReference {
  readonly module: string;
  readonly name: string;
}

/**
 * What module export `node` refers to, for any module (AWS SDK helpers, say): the same
 * import forms and shadowing rules as the API resolver, without the catalog check.
 */
export function resolveImported(
  sourceCode: Readonly<TSESLint.SourceCode>,
  input: TSESTree.Node,
): ImportedReference | undefined {
  const node = unwrapTypeWrappers(input);
  const bindingFor = (id: TSESTree.Identifier): ModuleBinding | undefined => {
    const variable = variableOf(sourceCode, id);
    return variable ? bindingOf(variable) : undefined;
  };
  if (node.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingFor(node);
    return binding && binding.imported !== '*' ? { module: binding.module, name: binding.imported } : undefined;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    if (!name) return undefined;
    const direct = requiredModule(node.object);
    if (direct !== undefined) return { module: direct, name };
    if (node.object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = bindingFor(node.object);
    return binding?.imported === '*' ? { module: binding.module, name } : undefined;
  }
  return undefined;
}
