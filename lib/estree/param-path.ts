/**
 * Whether an expression is the value a handler parameter reaches along a path of the framework
 * table (lib/frameworks/types.ts `ParamPath`): `c.env` in Hono, `platform?.env` of a destructured
 * SvelteKit event, `env` of a Worker's `fetch(request, env, ctx)`. The root must be the handler's
 * own parameter binding: an inner `c` that hides it does not count.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { ParamPath } from '../frameworks/types.js';
import { memberName, propertyKey, unwrapTypeWrappers, type FunctionNode } from './ast.js';
import { variableOf, type ScopeSource } from './scope.js';

/** `platform?.context?.waitUntil` -> ['platform', 'context', 'waitUntil']. */
export function pathSegments(member: string): string[] {
  return member.split(/\??\./).filter(Boolean);
}

export function isParamPath(node: TSESTree.Node, handler: FunctionNode, path: ParamPath, source: ScopeSource): boolean {
  const names: string[] = [];
  let n = unwrapTypeWrappers(node);
  while (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(n);
    if (name === undefined) return false;
    names.unshift(name);
    n = unwrapTypeWrappers(n.object);
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const expected = expectedPath(handler.params[path.param], pathSegments(path.member));
  if (!expected || expected.root !== n.name || expected.rest.length !== names.length) return false;
  if (expected.rest.some((segment, i) => segment !== names[i])) return false;
  return variableOf(source, n)?.defs.some((d) => d.type === 'Parameter' && d.node === handler) ?? false;
}

/** The local the path starts from (the parameter, or the destructured binding of its first key) and the rest of it. */
function expectedPath(param: TSESTree.Parameter | undefined, segments: string[]): { root: string; rest: string[] } | undefined {
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (target?.type === AST_NODE_TYPES.Identifier) return { root: target.name, rest: segments };
  if (target?.type !== AST_NODE_TYPES.ObjectPattern || segments.length === 0) return undefined;
  const [first, ...rest] = segments;
  for (const p of target.properties) {
    if (p.type !== AST_NODE_TYPES.Property || propertyKey(p) !== first) continue;
    const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
    if (value.type === AST_NODE_TYPES.Identifier) return { root: value.name, rest };
  }
  return undefined;
}

/** Type names projects give Cloudflare's bindings object (`env: Env`, `Bindings` in Hono apps). */
const BINDINGS_TYPE_NAMES: ReadonlySet<string> = new Set(['Env', 'Bindings', 'CloudflareEnv', 'CloudflareBindings']);
const BINDINGS_PARAM_NAME = 'env';

/**
 * Whether `node` is a function parameter that is conventionally the host's bindings object, in
 * a helper that a handler hands them to: named `env`, or typed `Env` / `Bindings` /
 * `CloudflareEnv` / `CloudflareBindings` (`async function saveLink(env: Env, …)`). Only a
 * binding's methods are asked about (`env.LINKS.put(…)`), which a plain config object or
 * `process.env` (strings) does not have.
 */
export function isConventionalBindingsParam(node: TSESTree.Node, source: ScopeSource): boolean {
  const id = unwrapTypeWrappers(node);
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(source, id)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  if (def.name.name === BINDINGS_PARAM_NAME) return true;
  const annotation = def.name.typeAnnotation?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    BINDINGS_TYPE_NAMES.has(annotation.typeName.name)
  );
}
