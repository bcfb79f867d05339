/**
 * Import resolution on ESTree, with scope analysis: "is this reference the API's
 * `waitUntil`?" Every rule asks here; none walks imports on its own.
 *
 * Recognised forms (from any API module of the catalog, plus settings.fn.runtimeModules;
 * the binding forms themselves are read by lib/estree/bindings.ts):
 *   import { waitUntil } from '@vercel/functions'
 *   import { waitUntil as wu } from '@vercel/functions'
 *   import * as fns from '@vercel/functions'         fns.waitUntil / fns['waitUntil']
 *   import fns from '@vercel/functions'              (CommonJS interop default)
 *   const { waitUntil: wu } = require('@vercel/functions')
 *   const fns = require('@vercel/functions')         fns.waitUntil
 *   require('@vercel/functions').waitUntil
 * and, through the project index, the same names imported from a module of the project
 * that re-exports the API (`export { waitUntil } from '@vercel/functions'`, `export *`,
 * `export const bg = waitUntil`) or wraps it (`export const bg = (p) => waitUntil(p)`).
 * A local binding that merely has the same name is never the API (scope analysis decides).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { API_FUNCTION_NAMES, mentionsApiModule, moduleExports, resolveApiModule } from '../../lib/catalog.js';
import { importedName, propertyKey } from '../../lib/estree/ast.js';
import { importedReference, moduleBindingOf, requiredModule, type ModuleBinding } from '../../lib/estree/bindings.js';
import type { ProjectIndex } from '../../lib/project-index/types.js';
import { projectIndexOf } from './project-index.js';
import { readFnSettings } from './settings.js';

export { requiredModule };

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ApiReference {
  /** The API export name, e.g. `waitUntil`. */
  readonly name: string;
  /** The API module the name comes from (for a project alias, the module the alias leads to). */
  readonly module: string;
  readonly via: 'named' | 'namespace' | 'require';
  /**
   * Set when the reference reaches the API through a module of the project: the specifier
   * imported, and whether that module wraps the API (a function of its own) rather than
   * passing the API's export on.
   */
  readonly through?: { readonly specifier: string; readonly wrapper: boolean; readonly param?: number };
}

export interface ApiResolver {
  /** False when the file cannot reference the API at all: rules bail out early. */
  readonly mayUseApi: boolean;
  /** Whether the file imports the API through a module of the project (a re-export or a wrapper). */
  readonly usesProjectAliases: boolean;
  /** Extra modules from settings.fn.runtimeModules. */
  readonly extraModules: readonly string[];
  /** What API export `node` (an Identifier or MemberExpression) refers to, if any; wrappers only when asked. */
  resolve(node: TSESTree.Node, options?: { wrappers?: boolean }): ApiReference | undefined;
  /** `resolve(node)?.name === name`, for any of the names given (the API or a project re-export of it; no wrappers). */
  isApi(node: TSESTree.Node, ...names: string[]): boolean;
  /** For a call, the API function it calls (no wrappers). */
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
  const resolver = createResolver(sourceCode, context.filename, runtimeModules, projectIndexOf(context));
  resolvers.set(sourceCode, resolver);
  return resolver;
}

/** The names a program imports from each module at its top level (`*` for a whole-module binding). */
function importedNames(program: TSESTree.Program): { specifier: string; names: string[] | '*' }[] {
  const out: { specifier: string; names: string[] | '*' }[] = [];
  for (const stmt of program.body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration && stmt.importKind !== 'type') {
      const names: string[] = [];
      let whole = false;
      for (const spec of stmt.specifiers) {
        if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
          if (spec.importKind !== 'type') names.push(importedName(spec));
        } else whole = true;
      }
      out.push({ specifier: stmt.source.value, names: whole ? '*' : names });
    } else if (stmt.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of stmt.declarations) {
        const m = requiredModule(d.init);
        if (m === undefined) continue;
        const keys = d.id.type === AST_NODE_TYPES.ObjectPattern ? d.id.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyKey(p) : undefined)) : undefined;
        out.push({ specifier: m, names: keys && keys.every((k) => k !== undefined) ? (keys as string[]) : '*' });
      }
    }
  }
  return out;
}

function createResolver(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  extraModules: readonly string[],
  index: ProjectIndex,
): ApiResolver {
  const bindingCache = new Map<TSESLint.Scope.Variable, ModuleBinding | null>();
  const cachedBinding = (variable: TSESLint.Scope.Variable): ModuleBinding | undefined => {
    let b = bindingCache.get(variable);
    if (b === undefined) {
      b = moduleBindingOf(variable) ?? null;
      bindingCache.set(variable, b);
    }
    return b ?? undefined;
  };

  // A project module that passes the API on counts as mentioning it (asked lazily, once).
  const mentioned = mentionsApiModule(sourceCode.text, extraModules);
  let aliased: boolean | undefined;
  const computeAliased = (): boolean => {
    if (!index.enabled) return false;
    return importedNames(sourceCode.ast).some(({ specifier, names }) => {
      if (resolveApiModule(specifier, extraModules) || index.resolve(filename, specifier) === undefined) return false;
      // A whole-module binding (`import * as bg`) may use any API name the module passes on.
      return (names === '*' ? API_FUNCTION_NAMES : names).some((n) => index.apiAlias(filename, specifier, n) !== undefined);
    });
  };

  const resolve = (input: TSESTree.Node, options: { wrappers?: boolean } = {}): ApiReference | undefined => {
    if (!resolver.mayUseApi) return undefined;
    const ref = importedReference(sourceCode, input, cachedBinding);
    if (!ref) return undefined;
    if (moduleExports(ref.module, ref.name, extraModules)) return { name: ref.name, module: ref.module, via: ref.via };
    if (!index.enabled || resolveApiModule(ref.module, extraModules)) return undefined;
    const alias = index.apiAlias(filename, ref.module, ref.name);
    if (!alias || (alias.wrapper && !options.wrappers)) return undefined;
    return {
      name: alias.name,
      module: alias.module,
      via: ref.via,
      through: { specifier: ref.module, wrapper: alias.wrapper, ...(alias.param !== undefined ? { param: alias.param } : {}) },
    };
  };

  const resolver: ApiResolver = {
    get mayUseApi() {
      return mentioned || resolver.usesProjectAliases;
    },
    get usesProjectAliases() {
      aliased ??= computeAliased();
      return aliased;
    },
    extraModules,
    resolve,
    isApi: (node, ...names) => {
      const ref = resolve(node);
      return ref !== undefined && names.includes(ref.name);
    },
    resolveCall: (node) => resolve(node.callee),
    isApiModule: (specifier) => resolveApiModule(specifier, extraModules) !== null,
  };
  return resolver;
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
export function resolveImported(sourceCode: Readonly<TSESLint.SourceCode>, input: TSESTree.Node): ImportedReference | undefined {
  const ref = importedReference(sourceCode, input);
  return ref && { module: ref.module, name: ref.name };
}
