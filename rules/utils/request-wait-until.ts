/**
 * `waitUntil` looked up on the platform's request (./platform-request.ts) inside a handler:
 *
 *   req.waitUntil(p)   request['waitUntil'](p)        call
 *   req.waitUntil?.(p)                                optional call (skipped)
 *   'waitUntil' in req   typeof req.waitUntil === 'function'   if (req.waitUntil)   guard
 *   const { waitUntil } = req   const wu = req.waitUntil              read
 *
 * `req.waitUntil ?? waitUntil` and `||` are left alone: the fallback runs, nothing is lost.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, outermostValueWrapper, propertyKey, staticString, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { platformRequestOf, requestParamIndex, type PlatformRequest } from './platform-request.js';
import type { RequestHandlers } from './request-handlers.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export const WAIT_UNTIL = 'waitUntil';

export type LookupForm = 'call' | 'optional-call' | 'guard' | 'read';

export interface RequestWaitUntil {
  readonly form: LookupForm;
  /** What to report. */
  readonly node: TSESTree.Node;
  /** `req.waitUntil` as written (for a destructuring, `<request>.waitUntil`). */
  readonly lookup: string;
  readonly request: PlatformRequest;
  /** The call (for the call forms) and the node a rewrite replaces (the call, or its `?.` chain). */
  readonly call?: { readonly node: TSESTree.CallExpression; readonly outer: TSESTree.Node };
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** The guard a read of `req.waitUntil` takes part in (`typeof … === 'function'`, `!…`, `if (…)`, `… && …`). */
function guardAround(value: TSESTree.Node): TSESTree.Node | undefined {
  const parent = value.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof') {
    const compare = parent.parent;
    return compare?.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(compare.operator) ? compare : parent;
  }
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return parent;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === value && parent.operator === '&&') return value;
  if (
    (parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression ||
      parent.type === AST_NODE_TYPES.WhileStatement) &&
    parent.test === value
  ) {
    return value;
  }
  return undefined;
}

function isFallback(value: TSESTree.Node): boolean {
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.LogicalExpression && parent.left === value && (parent.operator === '??' || parent.operator === '||');
}

/** `req.waitUntil` / `req['waitUntil']` on the platform request. */
export function memberLookup(sourceCode: SourceCode, handlers: RequestHandlers, member: TSESTree.MemberExpression): RequestWaitUntil | undefined {
  if (memberName(member) !== WAIT_UNTIL) return undefined;
  const request = platformRequestOf(sourceCode, handlers, member.object);
  if (!request) return undefined;
  const lookup = sourceCode.getText(member);
  // `(req.waitUntil as any)(p)`, `(req?.waitUntil)(p)`: the wrappers keep the value.
  const value = outermostValueWrapper(member);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === value) {
    const chain = parent.parent?.type === AST_NODE_TYPES.ChainExpression ? parent.parent : undefined;
    return { form: parent.optional ? 'optional-call' : 'call', node: parent, lookup, request, call: { node: parent, outer: chain ?? parent } };
  }
  if (isFallback(value)) return undefined;
  const guard = guardAround(value);
  return guard ? { form: 'guard', node: guard, lookup, request } : { form: 'read', node: member, lookup, request };
}

/** `'waitUntil' in req`. */
export function inLookup(sourceCode: SourceCode, handlers: RequestHandlers, node: TSESTree.BinaryExpression): RequestWaitUntil | undefined {
  if (node.operator !== 'in' || staticString(node.left) !== WAIT_UNTIL) return undefined;
  const request = platformRequestOf(sourceCode, handlers, node.right);
  return request ? { form: 'guard', node, lookup: `${sourceCode.getText(unwrapTypeWrappers(node.right))}.${WAIT_UNTIL}`, request } : undefined;
}

/** `const { waitUntil } = req`, or the handler's request parameter destructured: `GET({ waitUntil })`. */
export function patternLookup(sourceCode: SourceCode, handlers: RequestHandlers, pattern: TSESTree.ObjectPattern): RequestWaitUntil | undefined {
  const property = pattern.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKey(p) === WAIT_UNTIL,
  );
  if (!property) return undefined;
  const parent = pattern.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === pattern && parent.init) {
    const request = platformRequestOf(sourceCode, handlers, parent.init);
    const lookup = `${sourceCode.getText(unwrapTypeWrappers(parent.init))}.${WAIT_UNTIL}`;
    return request ? { form: 'read', node: property, lookup, request } : undefined;
  }
  const param = parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === pattern ? parent : pattern;
  const fn = param.parent;
  if (!isFunctionNode(fn)) return undefined;
  const found = requestParamIndex(handlers, fn);
  if (!found || fn.params[found.index] !== param) return undefined;
  return { form: 'read', node: property, lookup: `request.${WAIT_UNTIL}`, request: { handler: fn, shape: found.shape } };
}
