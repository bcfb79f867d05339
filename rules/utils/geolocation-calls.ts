/**
 * `geolocation(...)` calls of the functions API and the values taken from their result:
 *
 *   geolocation(req).city      const geo = geolocation(req); geo.city      geo?.city
 *   const { city } = geolocation(req)      const { city: c } = geo      const city = geo.city
 *
 * Names come from the API resolver (aliased, namespace and require forms; a local
 * `geolocation` is not the API). `const` bindings are followed a few steps.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getApiResolver } from './api-imports.js';
import { memberName, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { constBinding, patternKeyOf } from './env-values.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export const GEOLOCATION = 'geolocation';
const MAX_CONST_DEPTH = 4;

/** The field of a `geolocation()` result that `node` reads, with the call it comes from. */
export interface GeoFieldRead {
  readonly field: string;
  readonly call: TSESTree.CallExpression;
}

export function geoFieldReader(context: Context): (node: TSESTree.Node) => GeoFieldRead | undefined {
  const sourceCode = context.sourceCode;
  const resolver = getApiResolver(context);

  const geolocationCall = (node: TSESTree.Node, depth: number): TSESTree.CallExpression | undefined => {
    const n = unwrapTypeWrappers(node);
    if (n.type === AST_NODE_TYPES.CallExpression) return resolver.isApi(n.callee, GEOLOCATION) ? n : undefined;
    if (n.type !== AST_NODE_TYPES.Identifier || depth >= MAX_CONST_DEPTH) return undefined;
    const binding = constBinding(sourceCode, n);
    return binding && binding.declarator.id === binding.name ? geolocationCall(binding.init, depth + 1) : undefined;
  };

  const fieldRead = (node: TSESTree.Node, depth: number): GeoFieldRead | undefined => {
    const n = unwrapTypeWrappers(node);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const field = memberName(n);
      const call = field === undefined ? undefined : geolocationCall(n.object, depth);
      return field !== undefined && call ? { field, call } : undefined;
    }
    if (n.type !== AST_NODE_TYPES.Identifier || depth >= MAX_CONST_DEPTH) return undefined;
    const binding = constBinding(sourceCode, n);
    if (!binding) return undefined;
    if (binding.declarator.id === binding.name) return fieldRead(binding.init, depth + 1);
    if (binding.declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    const field = patternKeyOf(binding.declarator.id, binding.name);
    const call = field === undefined ? undefined : geolocationCall(binding.init, depth + 1);
    return field !== undefined && call ? { field, call } : undefined;
  };

  return (node) => (resolver.mayUseApi ? fieldRead(node, 0) : undefined);
}
