/**
 * Whether an expression is the value a handler parameter reaches along a path of the framework
 * table (lib/frameworks/types.ts `ParamPath`): `c.env` in Hono, `platform?.env` of a destructured
 * SvelteKit event, `env` of a Worker's `fetch(request, env, ctx)`. The root must be the handler's
 * own parameter binding: an inner `c` that hides it does not count.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { PLATFORM_BINDINGS_PARAM, PLATFORM_BINDINGS_TYPES } from '../catalog.js';
import { paramPathStart, type KeeperParam } from '../frameworks/match.js';
import type { ParamPath } from '../frameworks/types.js';
import { memberName, unwrapTypeWrappers, type FunctionNode } from './ast.js';
import { variableOf, type ScopeSource } from './scope.js';

/** A handler parameter as lib/frameworks/match.ts needs it: a name, or the locals a destructuring binds by key. */
export function paramOf(param: TSESTree.Parameter | undefined): KeeperParam | undefined {
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (target?.type === AST_NODE_TYPES.Identifier) return { name: target.name };
  if (target?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const properties = new Map<string, string>();
  for (const p of target.properties) {
    if (p.type !== AST_NODE_TYPES.Property || p.computed || p.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
    if (value.type === AST_NODE_TYPES.Identifier) properties.set(p.key.name, value.name);
  }
  return { properties };
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
  const start = paramPathStart(path, paramOf(handler.params[path.param]));
  if (!start || start.local !== n.name) return false;
  const rest = start.rest.split(/\??\./).filter(Boolean);
  if (rest.length !== names.length || rest.some((segment, i) => segment !== names[i])) return false;
  return variableOf(source, n)?.defs.some((d) => d.type === 'Parameter' && d.node === handler) ?? false;
}

const BINDINGS_TYPE_NAMES: ReadonlySet<string> = new Set(PLATFORM_BINDINGS_TYPES);

/**
 * Whether `node` is a function parameter that is conventionally the host's bindings object, in
 * a helper that a handler hands them to: named and typed as the catalog says projects name
 * them (`async function saveLink(env: Env, …)`). Only a
 * binding's methods are asked about (`env.LINKS.put(…)`), which a plain config object or
 * `process.env` (strings) does not have.
 */
export function isConventionalBindingsParam(node: TSESTree.Node, source: ScopeSource): boolean {
  const id = unwrapTypeWrappers(node);
  if (id.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(source, id)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return false;
  if (def.name.name === PLATFORM_BINDINGS_PARAM) return true;
  const annotation = def.name.typeAnnotation?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    BINDINGS_TYPE_NAMES.has(annotation.typeName.name)
  );
}
