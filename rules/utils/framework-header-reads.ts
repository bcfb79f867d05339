/**
 * The header-read forms of the frameworks the API serves, beside the web `headers.get`:
 *
 *   Hono      c.req.header('x-real-ip')          c.req.header()['x-real-ip']
 *   Express   req.get('x-real-ip')               req.header('x-real-ip')
 *   h3/Nitro  getHeader(event, 'x-real-ip')      getRequestHeader(event, ...)
 *             getRequestHeaders(event)['x-real-ip']   getHeaders(event)[...]
 *
 * Only the receiver's shape decides (no types needed), and it has to be specific, because
 * `.get(name)` and `header(...)` are everywhere:
 *   - Hono: `<c>.req.header`, `<c>` the first parameter of a function (a route callback or
 *     middleware: `(c) => …`, `async (c, next) => …`).
 *   - Express: `<req>.get` / `<req>.header`, `<req>` the first parameter of a function passed
 *     as a call argument (a route callback) with at least two parameters (`(req, res)`), named
 *     `req`/`request`; or a parameter typed `Request` from `express`.
 *   - h3: the function imported from `h3` or `#imports` (Nuxt), aliased or through a
 *     namespace; or, unbound in the file, the Nuxt/Nitro auto-imported global, counted only in
 *     a server file (a `server/` directory in its path, or a file that calls an h3 handler
 *     definer such as `defineEventHandler`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { REQUEST_PARAM_NAME } from '../../lib/request-params.js';
import { resolveImported } from './api-imports.js';
import { importedName, isFunctionNode, memberName, unwrapTypeWrappers, type FunctionNode } from '../../lib/estree/ast.js';
import { isGlobalReference, variableOf } from '../../lib/estree/scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type HeaderFramework = 'hono' | 'express' | 'h3';

/** A framework header read's receiver: the request object the framework hands the handler. */
export interface FrameworkRequest {
  readonly framework: HeaderFramework;
  /** Hono `c.req`, Express `req`, the h3 event. */
  readonly request: TSESTree.Expression;
}

const HONO_REQUEST_PROPERTY = 'req';
const HONO_HEADER_METHOD = 'header';
const EXPRESS_HEADER_METHODS: ReadonlySet<string> = new Set(['get', 'header']);
const EXPRESS_MODULE = 'express';
const EXPRESS_REQUEST_TYPE = 'Request';
const H3_MODULES: ReadonlySet<string> = new Set(['h3', '#imports']);
/** `getHeader(event, name)`: one header. */
const H3_HEADER_GETTERS: ReadonlySet<string> = new Set(['getHeader', 'getRequestHeader']);
/** `getRequestHeaders(event)`: every header as a plain object. */
const H3_HEADERS_GETTERS: ReadonlySet<string> = new Set(['getRequestHeaders', 'getHeaders']);
const H3_HANDLER_DEFINERS = /\b(?:defineEventHandler|eventHandler|defineCachedEventHandler|defineNitroPlugin)\s*\(/;
const SERVER_DIR = /(?:^|[\\/])server[\\/]/;

/** The function `id` is the first parameter of (through a default value), if it is one. */
function firstParamOf(sourceCode: SourceCode, id: TSESTree.Identifier): { fn: FunctionNode; param: TSESTree.Identifier } | undefined {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return undefined;
  const first = def.node.params[0];
  const param = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  return param === def.name && param.type === AST_NODE_TYPES.Identifier ? { fn: def.node, param } : undefined;
}

/** `<c>.req` with `<c>` a function's first parameter. */
function isHonoRequest(sourceCode: SourceCode, node: TSESTree.Node): node is TSESTree.MemberExpression {
  const n = unwrapTypeWrappers(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || n.computed || memberName(n) !== HONO_REQUEST_PROPERTY) return false;
  const context = unwrapTypeWrappers(n.object);
  return context.type === AST_NODE_TYPES.Identifier && firstParamOf(sourceCode, context) !== undefined;
}

/** Whether `id` is bound by an import (type-only too) from `module`; `imported`: of that export. */
function importedFrom(sourceCode: SourceCode, id: TSESTree.Identifier, module: string, imported?: string): boolean {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.parent.type !== AST_NODE_TYPES.ImportDeclaration || def.parent.source.value !== module) {
    return false;
  }
  if (imported === undefined) return def.node.type !== AST_NODE_TYPES.ImportSpecifier;
  return def.node.type === AST_NODE_TYPES.ImportSpecifier && importedName(def.node) === imported;
}

/** A parameter typed `Request` from `express` (`Request`, an alias of it, `express.Request`). */
function annotatedExpressRequest(sourceCode: SourceCode, param: TSESTree.Identifier): boolean {
  const annotation = param.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return importedFrom(sourceCode, name, EXPRESS_MODULE, EXPRESS_REQUEST_TYPE);
  return (
    name.type === AST_NODE_TYPES.TSQualifiedName &&
    name.right.name === EXPRESS_REQUEST_TYPE &&
    name.left.type === AST_NODE_TYPES.Identifier &&
    importedFrom(sourceCode, name.left, EXPRESS_MODULE)
  );
}

/** The route callback `id` is a parameter of: a call argument whose first parameter is named like a request. */
function routeCallbackOf(sourceCode: SourceCode, id: TSESTree.Identifier): { fn: FunctionNode; index: number } | undefined {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return undefined;
  const fn = def.node;
  if (fn.parent.type !== AST_NODE_TYPES.CallExpression || !fn.parent.arguments.some((a) => a === fn) || fn.params.length < 2) {
    return undefined;
  }
  const first = fn.params[0];
  const firstId = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (firstId?.type !== AST_NODE_TYPES.Identifier || !REQUEST_PARAM_NAME.test(firstId.name)) return undefined;
  const index = fn.params.findIndex((p) => (p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p) === def.name);
  return index < 0 ? undefined : { fn, index };
}

/**
 * A later parameter of an Express-style route callback (`res` of `(req, res) => …`): the
 * response, whose `get(name)` reads a header set on the response, not one the client sent.
 */
export function isRouteResponse(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const n = unwrapTypeWrappers(node);
  return n.type === AST_NODE_TYPES.Identifier && (routeCallbackOf(sourceCode, n)?.index ?? 0) > 0;
}

/** `req` as the request parameter of an Express route callback (see the file comment). */
function isExpressRequest(sourceCode: SourceCode, node: TSESTree.Node): node is TSESTree.Identifier {
  const n = unwrapTypeWrappers(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const found = firstParamOf(sourceCode, n);
  if (!found) return false;
  return annotatedExpressRequest(sourceCode, found.param) || routeCallbackOf(sourceCode, n)?.index === 0;
}

/** Whether an unbound h3 helper in this file is Nuxt/Nitro's auto-imported one. */
function isNitroServerFile(sourceCode: SourceCode, filename: string): boolean {
  return SERVER_DIR.test(filename) || H3_HANDLER_DEFINERS.test(sourceCode.text);
}

/** The h3 helper `callee` names, when it is one of `names` (imported, namespaced, or the auto-import). */
function isH3Helper(sourceCode: SourceCode, filename: string, callee: TSESTree.Node, names: ReadonlySet<string>): boolean {
  const n = unwrapTypeWrappers(callee);
  const ref = resolveImported(sourceCode, n);
  if (ref) return H3_MODULES.has(ref.module) && names.has(ref.name);
  return (
    n.type === AST_NODE_TYPES.Identifier &&
    names.has(n.name) &&
    isGlobalReference(sourceCode, n) &&
    isNitroServerFile(sourceCode, filename)
  );
}

/**
 * The framework request a one-header getter call reads from: Hono `c.req.header(name)`,
 * Express `req.get(name)` / `req.header(name)`. `nameArg` is the header name argument.
 */
export function frameworkGetterCall(
  sourceCode: SourceCode,
  filename: string,
  call: TSESTree.CallExpression,
): (FrameworkRequest & { readonly nameArg: TSESTree.Node }) | undefined {
  const callee = unwrapTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && call.arguments.length === 1) {
    const method = memberName(callee);
    const nameArg = call.arguments[0];
    if (method === undefined || !nameArg || nameArg.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (method === HONO_HEADER_METHOD && isHonoRequest(sourceCode, callee.object)) {
      return { framework: 'hono', request: callee.object, nameArg };
    }
    if (EXPRESS_HEADER_METHODS.has(method) && isExpressRequest(sourceCode, callee.object)) {
      return { framework: 'express', request: callee.object, nameArg };
    }
    return undefined;
  }
  if (call.arguments.length === 2 && isH3Helper(sourceCode, filename, callee, H3_HEADER_GETTERS)) {
    const [event, nameArg] = call.arguments;
    if (!event || !nameArg || event.type === AST_NODE_TYPES.SpreadElement || nameArg.type === AST_NODE_TYPES.SpreadElement) {
      return undefined;
    }
    return { framework: 'h3', request: event, nameArg };
  }
  return undefined;
}

/**
 * The framework request behind an all-headers object: Hono `c.req.header()`, h3
 * `getRequestHeaders(event)` / `getHeaders(event)` (a plain object, read by index).
 */
export function frameworkHeadersObject(
  sourceCode: SourceCode,
  filename: string,
  node: TSESTree.Node,
): FrameworkRequest | undefined {
  const call = unwrapTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapTypeWrappers(call.callee);
  if (call.arguments.length === 0 && callee.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(callee) === HONO_HEADER_METHOD && isHonoRequest(sourceCode, callee.object)
      ? { framework: 'hono', request: callee.object }
      : undefined;
  }
  const event = call.arguments[0];
  if (call.arguments.length !== 1 || !event || event.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return isH3Helper(sourceCode, filename, callee, H3_HEADERS_GETTERS) ? { framework: 'h3', request: event } : undefined;
}

