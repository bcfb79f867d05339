/**
 * Whether an expression is the platform's own request object that a handler received: the
 * parameter the framework table marks as `request` (lib/frameworks/types.ts: Next.js route
 * handlers, middleware, Pages API routes, `export default { fetch }` and default fetch
 * handlers), read directly or through `const r = req` aliases. A parameter that also carries
 * the handler's keeper is never the request.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, unwrapTypeWrappers, type FunctionNode } from '../../lib/estree/ast.js';
import type { HandlerShape, RequestHandlers } from './request-handlers.js';
import { variableOf } from '../../lib/estree/scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface PlatformRequest {
  readonly handler: FunctionNode;
  readonly shape: HandlerShape;
}

const MAX_ALIASES = 3;

/** The identifier a parameter binds (through a default value), or undefined for a pattern. */
function paramIdentifier(param: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target?.type === AST_NODE_TYPES.Identifier ? target : undefined;
}

/** The request parameter index of handler `fn`, when the table names one that is not the keeper's. */
export function requestParamIndex(handlers: RequestHandlers, fn: FunctionNode): { shape: HandlerShape; index: number } | undefined {
  const shape = handlers.shapeOf(fn);
  const index = shape?.request;
  if (!shape || index === undefined || shape.keeper?.param === index) return undefined;
  return { shape, index };
}

/** The platform request `node` stands for, if it is one (see the file comment). */
export function platformRequestOf(sourceCode: SourceCode, handlers: RequestHandlers, node: TSESTree.Node): PlatformRequest | undefined {
  let current = unwrapTypeWrappers(node);
  for (let depth = 0; depth <= MAX_ALIASES; depth++) {
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = variableOf(sourceCode, current);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return undefined;
    // A reassigned parameter or `let` may hold anything by now.
    if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
    if (def.type === 'Parameter') {
      if (!isFunctionNode(def.node)) return undefined;
      const found = requestParamIndex(handlers, def.node);
      const param = found && paramIdentifier(def.node.params[found.index]);
      return found && param === def.name ? { handler: def.node, shape: found.shape } : undefined;
    }
    if (def.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id !== def.name || !def.node.init) return undefined;
    current = unwrapTypeWrappers(def.node.init);
  }
  return undefined;
}
