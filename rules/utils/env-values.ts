/**
 * Expressions whose value is an environment variable, asked of one node (for analyses that
 * follow values to a use, like fn/require-url-scheme):
 *
 *   process.env.NAME (every form env-reads.ts knows)     getEnv().NAME      const e = getEnv(); e.NAME
 *   const { NAME } = process.env / getEnv()               systemEnv.NAME / env.NAME / clientEnv.NAME
 *   const host = <one of these>                           (imported from `fn-codemod env`'s env.generated)
 *
 * `const` bindings are followed a few steps; `let` and parameters are not (they may have been
 * reassigned or normalised).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { GENERATED_ENV_ACCESSORS, GENERATED_ENV_MODULE } from '../../lib/env-facts.js';
import { getApiResolver, resolveImported } from './api-imports.js';
import { memberName, propertyKey, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { envObjectKind } from './env-reads.js';
import { variableOf } from '../../lib/estree/scope.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const GET_ENV = 'getEnv';
/** `./env.generated`, `@/env.generated.js`, `../src/env.generated.ts`. */
const GENERATED_MODULE_PATTERN = new RegExp(`(?:^|/)${GENERATED_ENV_MODULE.replace('.', '\\.')}(?:\\.[cm]?[jt]s)?$`);
/** `const` chains longer than this are not followed. */
const MAX_CONST_DEPTH = 4;

/** The single `const` declarator that defines `id`'s variable, and the name node it defines. */
export function constBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  id: TSESTree.Identifier,
): { declarator: TSESTree.VariableDeclarator; name: TSESTree.Identifier; init: TSESTree.Expression } | undefined {
  const variable = variableOf(sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
  return { declarator: def.node, name: def.name, init: def.node.init };
}

/** The key of the pattern property that binds `name` directly (`{ KEY }`, `{ KEY: name }`), if any. */
export function patternKeyOf(pattern: TSESTree.ObjectPattern, name: TSESTree.Identifier): string | undefined {
  const prop = name.parent;
  return prop?.type === AST_NODE_TYPES.Property && prop.parent === pattern && prop.value === name ? propertyKey(prop) : undefined;
}

export interface EnvValues {
  /** The variable `node`'s value is read from, if it is one (see the file comment). */
  variableOf(node: TSESTree.Node): string | undefined;
}

export function getEnvValues(context: Context): EnvValues {
  const sourceCode = context.sourceCode;
  const resolver = getApiResolver(context);

  /** `getEnv()` of the API, through `const` aliases. */
  const isGetEnvResult = (node: TSESTree.Node, depth: number): boolean => {
    const n = unwrapTypeWrappers(node);
    if (n.type === AST_NODE_TYPES.CallExpression) return resolver.isApi(n.callee, GET_ENV);
    if (n.type !== AST_NODE_TYPES.Identifier || depth >= MAX_CONST_DEPTH) return false;
    const binding = constBinding(sourceCode, n);
    return binding !== undefined && binding.declarator.id === binding.name && isGetEnvResult(binding.init, depth + 1);
  };

  const isGeneratedAccessor = (node: TSESTree.Node): boolean => {
    const n = unwrapTypeWrappers(node);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const ref = resolveImported(sourceCode, n);
    return ref !== undefined && GENERATED_ENV_ACCESSORS.has(ref.name) && GENERATED_MODULE_PATTERN.test(ref.module);
  };

  /** An object whose properties are environment variables. */
  const isEnvObject = (node: TSESTree.Node, depth: number): boolean =>
    envObjectKind(sourceCode, node) !== undefined || isGetEnvResult(node, depth) || isGeneratedAccessor(node);

  const variableRead = (node: TSESTree.Node, depth: number): string | undefined => {
    const n = unwrapTypeWrappers(node);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(n);
      return name !== undefined && isEnvObject(n.object, depth) ? name : undefined;
    }
    if (n.type !== AST_NODE_TYPES.Identifier || depth >= MAX_CONST_DEPTH) return undefined;
    const binding = constBinding(sourceCode, n);
    if (!binding) return undefined;
    const { declarator, name, init } = binding;
    if (declarator.id === name) return variableRead(init, depth + 1);
    // const { VERCEL_URL } = process.env  /  const { VERCEL_URL: host } = getEnv()
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    const key = patternKeyOf(declarator.id, name);
    return key !== undefined && isEnvObject(init, depth + 1) ? key : undefined;
  };

  return { variableOf: (node) => variableRead(node, 0) };
}
