/**
 * Raw request-header reads, recognised once for every rule that cares about a header
 * (geolocation, client IP, the OIDC token header):
 *
 *   req.headers.get('x-real-ip')          request.headers.get(IP_HEADER_NAME)
 *   (await headers()).get('x-real-ip')    headers().get(...)        (next/headers)
 *   const h = req.headers; h.get(...)     const { headers } = req; headers.get(...)
 *   req.headers['x-real-ip']              (Node IncomingMessage: a plain object)
 *   c.req.header('x-real-ip'), req.get(...), getHeader(event, ...)   (framework-header-reads.ts)
 *
 * Header names are matched in any letter case, as literals, as the API's header constants
 * (`CITY_HEADER_NAME` from `@vercel/functions/headers`, aliased or namespaced) or as a local
 * `const` holding a literal. The listener's selector keys are specific, so a rule can spread
 * it next to its own visitors.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { HEADER_CONSTANTS, NEXT_FACTS } from '../../lib/catalog.js';
import { pathRole } from '../../lib/file-role.js';
import { getApiResolver, requiredModule, resolveImported } from './api-imports.js';
import { frameworkGetterCall, frameworkHeadersObject, isRouteResponse, type HeaderFramework } from './framework-header-reads.js';
import { memberName, outermostValueWrapper, propertyKey, staticString, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { variableOf } from '../../lib/estree/scope.js';
import { typeServices } from './type-services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Where the headers object being read comes from. */
export type HeadersSource =
  /** `<request>.headers` (directly, through a `const` alias, or destructured from `<request>`). */
  | { readonly kind: 'request'; readonly request: TSESTree.Expression }
  /** `headers()` / `await headers()` from `next/headers`: there is no request object in scope. */
  | { readonly kind: 'next-headers' }
  /** A `Headers` built with `new Headers(...)`, or a variable named like a headers object. */
  | { readonly kind: 'headers' }
  /**
   * A framework's own header read (Hono `c.req.header`, Express `req.get`, h3 `getHeader`):
   * `request` is Hono's `c.req`, Express's `req` or the h3 event.
   */
  | { readonly kind: 'framework'; readonly framework: HeaderFramework; readonly request: TSESTree.Expression }
  /** Something else with a `.get` method (a `get` of some object of unknown kind). */
  | { readonly kind: 'unknown' };

/**
 * One raw header read. `access` says how: `get`, a getter call (`h.get(name)`); `index`, a
 * plain-object read (`req.headers[name]`, Node `IncomingMessage.headers`); `destructure`, a
 * property of a pattern over the headers object (only with HeaderReadOptions.destructuring).
 */
export type HeaderRead = {
  /** The header name, lower-cased. */
  readonly header: string;
  /** The headers object expression (`req.headers`, `await headers()`, `h`). */
  readonly receiver: TSESTree.Expression;
  readonly source: HeadersSource;
} & (
  | { readonly access: 'get'; readonly node: TSESTree.CallExpression }
  | { readonly access: 'index'; readonly node: TSESTree.MemberExpression }
  | { readonly access: 'destructure'; readonly node: TSESTree.Property; readonly pattern: TSESTree.ObjectPattern }
);

const NEXT_HEADERS_MODULE = 'next/headers';
const HEADERS_PROPERTY = 'headers';
const HEADERS_LIKE_NAME = /headers$/i;

/** The single `const` declarator that defines `variable`, if that is how it is defined. */
function constDeclarator(variable: TSESLint.Scope.Variable | null): TSESTree.VariableDeclarator | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const') return undefined;
  return def.node;
}

/**
 * The header name an argument spells: a string literal, an API header constant, or a local
 * `const` initialised with a string literal. Lower-cased; `undefined` when not static.
 */
export function headerNameOf(context: Context, node: TSESTree.Node): string | undefined {
  const literal = staticString(node);
  if (literal !== undefined) return literal.toLowerCase();
  const inner = unwrapTypeWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier && inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const ref = getApiResolver(context).resolve(inner);
  if (ref && ref.name in HEADER_CONSTANTS) return HEADER_CONSTANTS[ref.name as keyof typeof HEADER_CONSTANTS];
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = constDeclarator(variableOf(context.sourceCode, inner));
    if (init?.id.type === AST_NODE_TYPES.Identifier && init.init) return staticString(init.init)?.toLowerCase();
  }
  return undefined;
}

/** `headers()` or `await headers()` where `headers` comes from `next/headers`. */
function isNextHeadersCall(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const n = unwrapTypeWrappers(node);
  const call = n.type === AST_NODE_TYPES.AwaitExpression ? unwrapTypeWrappers(n.argument) : n;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = resolveImported(sourceCode, call.callee);
  return ref?.module === NEXT_HEADERS_MODULE && ref.name === HEADERS_PROPERTY;
}

/** `<x>.headers` (not computed) -> `<x>`. */
function requestOfHeadersMember(node: TSESTree.Node): TSESTree.Expression | undefined {
  const n = unwrapTypeWrappers(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || memberName(n) !== HEADERS_PROPERTY) return undefined;
  return n.object.type === AST_NODE_TYPES.Super ? undefined : n.object;
}

/** Where a headers-object expression comes from (see HeadersSource). */
export function headersSourceOf(sourceCode: Readonly<TSESLint.SourceCode>, receiver: TSESTree.Node): HeadersSource {
  const request = requestOfHeadersMember(receiver);
  if (request) return { kind: 'request', request };
  if (isNextHeadersCall(sourceCode, receiver)) return { kind: 'next-headers' };
  const n = unwrapTypeWrappers(receiver);
  if (n.type === AST_NODE_TYPES.NewExpression && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'Headers') {
    return { kind: 'headers' };
  }
  if (n.type !== AST_NODE_TYPES.Identifier) return { kind: 'unknown' };
  const variable = variableOf(sourceCode, n);
  const declarator = constDeclarator(variable);
  if (declarator?.init) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      const viaInit = headersSourceOf(sourceCode, declarator.init);
      // Only a plain identifier request stays meaningful at the read site.
      if (viaInit.kind !== 'request' || unwrapTypeWrappers(viaInit.request).type === AST_NODE_TYPES.Identifier) return viaInit;
      return { kind: 'headers' };
    }
    // const { headers } = req
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const prop = declarator.id.properties.find(
        (p): p is TSESTree.Property =>
          p.type === AST_NODE_TYPES.Property && p.value === variable?.defs[0]?.name && !p.computed,
      );
      const key = prop && propertyKey(prop);
      const init = unwrapTypeWrappers(declarator.init);
      if (key === HEADERS_PROPERTY && init.type === AST_NODE_TYPES.Identifier) return { kind: 'request', request: init };
    }
  }
  return HEADERS_LIKE_NAME.test(n.name) ? { kind: 'headers' } : { kind: 'unknown' };
}

const KEYED_COLLECTIONS: ReadonlySet<string> = new Set(['Map', 'WeakMap', 'URLSearchParams', 'FormData']);

/**
 * A `get` receiver that is certainly not headers: a `const` initialised with `new Map()` (or
 * WeakMap, URLSearchParams, FormData), or a variable annotated with one of those types.
 */
function isKeyedCollection(sourceCode: Readonly<TSESLint.SourceCode>, receiver: TSESTree.Node): boolean {
  const n = unwrapTypeWrappers(receiver);
  if (n.type === AST_NODE_TYPES.NewExpression) return n.callee.type === AST_NODE_TYPES.Identifier && KEYED_COLLECTIONS.has(n.callee.name);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(sourceCode, n)?.defs[0];
  if (def?.name.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = def.name.typeAnnotation?.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier) {
    return KEYED_COLLECTIONS.has(annotation.typeName.name);
  }
  const init = def.type === 'Variable' && def.parent.kind === 'const' ? def.node.init : null;
  return init !== null && init.type === AST_NODE_TYPES.NewExpression && isKeyedCollection(sourceCode, init);
}

/**
 * True when `node` (through `!`, `as`, `satisfies`, `?.` wrappers) is written rather than read:
 * an assignment or `for…in/of` target, `x++`, `delete x`, a destructuring target.
 */
export function isWriteTarget(node: TSESTree.Node): boolean {
  const child = outermostValueWrapper(node);
  const parent = child.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === child;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === child;
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return true;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.left === child;
    case AST_NODE_TYPES.Property:
      return parent.value === child && parent.parent.type === AST_NODE_TYPES.ObjectPattern;
    default:
      return false;
  }
}

export interface HeaderReadOptions {
  /** Methods that read one header by name. Default: `get` (fetch `Headers`, Express `req.get`). */
  readonly getters?: ReadonlySet<string>;
  /** Also destructuring reads: `const { 'x-real-ip': ip } = req.headers`. */
  readonly destructuring?: boolean;
  /**
   * Index and destructuring reads off any object, not only a known headers object: for a
   * header name no other map would use as a key.
   */
  readonly anyObject?: boolean;
}

const DEFAULT_GETTERS: ReadonlySet<string> = new Set(['get']);
/** Hono's `c.req.header(name)` and Express's `req.header(name)`, beside the getters. */
const FRAMEWORK_GETTER = 'header';

/** A syntactic pre-check before any scope work: a getter method call, or a two-argument helper call. */
function mayReadHeaderByName(call: TSESTree.CallExpression, options: HeaderReadOptions): boolean {
  const callee = unwrapTypeWrappers(call.callee);
  if (call.arguments.length === 2) return callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method !== undefined && (method === FRAMEWORK_GETTER || (options.getters ?? DEFAULT_GETTERS).has(method));
}

/** The header read `node` performs, when `wanted(header)` (cheap: called before any scope work). */
export function headerReadOf(
  context: Context,
  node: TSESTree.Node,
  wanted: (header: string) => boolean,
  options: HeaderReadOptions = {},
): HeaderRead | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // The name is the last argument: `h.get(name)`, `c.req.header(name)`, `getHeader(event, name)`.
    const arg = node.arguments.length <= 2 ? node.arguments[node.arguments.length - 1] : undefined;
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement || !mayReadHeaderByName(node, options)) return undefined;
    const header = headerNameOf(context, arg);
    if (header === undefined || !wanted(header)) return undefined;
    const framework = frameworkGetterCall(context.sourceCode, context.filename, node);
    if (framework) {
      const { framework: name, request } = framework;
      return { header, node, access: 'get', receiver: request, source: { kind: 'framework', framework: name, request } };
    }
    const callee = unwrapTypeWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length !== 1) return undefined;
    const method = memberName(callee);
    if (method === undefined || !(options.getters ?? DEFAULT_GETTERS).has(method)) return undefined;
    const receiver = callee.object;
    if (receiver.type === AST_NODE_TYPES.Super || isKeyedCollection(context.sourceCode, receiver)) return undefined;
    // Express `res.get(name)` reads the response's own header.
    if (isRouteResponse(context.sourceCode, receiver)) return undefined;
    return { header, node, access: 'get', receiver, source: headersSourceOf(context.sourceCode, receiver) };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const property = node.property;
    const header = node.computed
      ? headerNameOf(context, property)
      : property.type === AST_NODE_TYPES.Identifier
        ? property.name.toLowerCase()
        : undefined;
    if (header === undefined || !wanted(header)) return undefined;
    const receiver = node.object;
    if (receiver.type === AST_NODE_TYPES.Super) return undefined;
    const framework = frameworkHeadersObject(context.sourceCode, context.filename, receiver);
    if (framework && !isWriteTarget(node)) return { header, node, access: 'index', receiver, source: { kind: 'framework', ...framework } };
    const source = headersSourceOf(context.sourceCode, receiver);
    // A `[...]` read off something that is not a headers object is just some map.
    if (source.kind === 'unknown' && !options.anyObject) return undefined;
    if (isWriteTarget(node)) return undefined;
    return { header, node, access: 'index', receiver, source };
  }
  return undefined;
}

/**
 * The header read a property of a destructuring pattern makes off `receiver` (the pattern's
 * initialiser or assigned value), when `wanted(header)`: `{ 'x-real-ip': ip } = req.headers`.
 */
export function headerReadOfProperty(
  context: Context,
  prop: TSESTree.Property,
  receiver: TSESTree.Expression,
  wanted: (header: string) => boolean,
  options: HeaderReadOptions = {},
): HeaderRead | undefined {
  const pattern = prop.parent;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const header = (prop.computed ? headerNameOf(context, prop.key) : propertyKey(prop))?.toLowerCase();
  if (header === undefined || !wanted(header)) return undefined;
  const source = headersSourceOf(context.sourceCode, receiver);
  if (source.kind === 'unknown' && !options.anyObject) return undefined;
  return { header, node: prop, access: 'destructure', pattern, receiver, source };
}

/** The object a pattern destructures: the declarator's initialiser or the assigned value. */
function destructuredObject(pattern: TSESTree.ObjectPattern): TSESTree.Expression | undefined {
  const owner = pattern.parent;
  if (owner?.type === AST_NODE_TYPES.VariableDeclarator && owner.id === pattern) return owner.init ?? undefined;
  if (owner?.type === AST_NODE_TYPES.AssignmentExpression && owner.left === pattern) return owner.right;
  return undefined;
}

/**
 * Visitors reporting every raw read of a header `wanted` accepts. Keys are selector strings
 * specific to this helper, so `{ ...headerReadListener(...), ...ownVisitors }` is safe as long
 * as the rule's own keys differ.
 */
export function headerReadListener(
  context: Context,
  wanted: (header: string) => boolean,
  onRead: (read: HeaderRead) => void,
  options: HeaderReadOptions = {},
): TSESLint.RuleListener {
  const visit = (node: TSESTree.Node): void => {
    const read = headerReadOf(context, node, wanted, options);
    if (read) onRead(read);
  };
  const visitPattern = (pattern: TSESTree.ObjectPattern): void => {
    const receiver = destructuredObject(pattern);
    if (!receiver) return;
    for (const prop of pattern.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      const read = headerReadOfProperty(context, prop, receiver, wanted, options);
      if (read) onRead(read);
    }
  };
  return {
    'CallExpression[arguments.length=1]': visit,
    // h3 `getHeader(event, name)`
    'CallExpression[arguments.length=2]': visit,
    'MemberExpression[computed=true]': visit,
    // `req.headers.someheader` (no hyphen, so it can be written without brackets)
    'MemberExpression[computed=false][object.type="MemberExpression"]': visit,
    ...(options.destructuring
      ? {
          'VariableDeclarator > ObjectPattern.id': visitPattern,
          'AssignmentExpression > ObjectPattern.left': visitPattern,
        }
      : {}),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A cheap test for a file's text: can it read any of `headers`? True when a header name
 * appears (any case) or the name of an API constant that holds one.
 */
export function createHeaderTextTest(headers: readonly string[]): (text: string) => boolean {
  const constants = Object.entries(HEADER_CONSTANTS)
    .filter(([, value]) => headers.includes(value))
    .map(([name]) => name);
  const pattern = new RegExp([...headers, ...constants].map(escapeRegExp).join('|'), 'i');
  return (text) => pattern.test(text);
}

/** The expression to pass where the request is needed: `<request>` text, parenthesised if needed. */
export function requestText(sourceCode: Readonly<TSESLint.SourceCode>, request: TSESTree.Expression): string {
  const text = sourceCode.getText(request);
  return request.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

const NEXT_REQUEST_TYPE = 'NextRequest';
const NEXT_SERVER_MODULE = NEXT_FACTS.afterModule;
/** ts.TypeFlags.Any | ts.TypeFlags.Unknown: no usable type, fall back to syntax. */
const UNTYPED_FLAGS = 1 | 2;

function annotationNamesNextRequest(annotation: TSESTree.TypeNode): boolean {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name === NEXT_REQUEST_TYPE;
  return name.type === AST_NODE_TYPES.TSQualifiedName && name.right.name === NEXT_REQUEST_TYPE;
}

function importsNextServer(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.body.some(
    (n) =>
      (n.type === AST_NODE_TYPES.ImportDeclaration && n.source.value === NEXT_SERVER_MODULE) ||
      (n.type === AST_NODE_TYPES.VariableDeclaration && n.declarations.some((d) => requiredModule(d.init) === NEXT_SERVER_MODULE)),
  );
}

/**
 * Whether `node` is (very likely) a Next.js `NextRequest`, so that `.geo` / `.ip` on it are the
 * removed NextRequest properties and not some object's own field (Express has a real `req.ip`).
 * With type information: its type is `NextRequest`. Without: an identifier declared with a
 * `NextRequest` annotation, or an unannotated parameter in a file that imports `next/server`
 * or is the middleware file.
 */
export function isLikelyNextRequest(context: Context, node: TSESTree.Node): boolean {
  const services = typeServices(context.sourceCode);
  if (services) {
    const checker = services.program.getTypeChecker();
    const type = checker.getNonNullableType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node)));
    if ((type.flags & UNTYPED_FLAGS) === 0) {
      const symbol = type.aliasSymbol ?? type.getSymbol();
      return symbol?.getName() === NEXT_REQUEST_TYPE;
    }
  }
  const n = unwrapTypeWrappers(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(context.sourceCode, n)?.defs[0];
  if (!def) return false;
  if (def.type === 'Parameter') {
    const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation : undefined;
    if (annotation) return annotationNamesNextRequest(annotation.typeAnnotation);
    return importsNextServer(context.sourceCode) || pathRole(context.filename).middleware;
  }
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = def.node.id.typeAnnotation;
    if (annotation) return annotationNamesNextRequest(annotation.typeAnnotation);
    const init = def.node.init;
    return init?.type === AST_NODE_TYPES.TSAsExpression && annotationNamesNextRequest(init.typeAnnotation);
  }
  return false;
}

/** `const { <prop> } = request` over a NextRequest: the pattern, its declarator and the request. */
export interface NextRequestDestructuring {
  readonly pattern: TSESTree.ObjectPattern;
  readonly declarator: TSESTree.VariableDeclarator;
  readonly request: TSESTree.Expression;
}

function nextRequestDestructuring(context: Context, prop: TSESTree.Property): NextRequestDestructuring | undefined {
  const pattern = prop.parent;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const declarator = pattern.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern || !declarator.init) return undefined;
  const request = declarator.init;
  return isLikelyNextRequest(context, request) ? { pattern, declarator, request } : undefined;
}

/**
 * Visitors for reads of the NextRequest property `property` (`.geo`, `.ip`, removed in Next 15):
 * `onMember` gets `request.<property>` (not written), `onDestructure` a `{ <property> }`
 * pattern property over the request.
 */
export function nextRequestPropertyListener(
  context: Context,
  property: string,
  handlers: {
    onMember(node: TSESTree.MemberExpression, request: TSESTree.Expression): void;
    onDestructure(prop: TSESTree.Property, found: NextRequestDestructuring): void;
  },
): TSESLint.RuleListener {
  return {
    [`MemberExpression[computed=false][property.name="${property}"]`]: (node: TSESTree.MemberExpression) => {
      if (!isWriteTarget(node) && isLikelyNextRequest(context, node.object)) handlers.onMember(node, node.object);
    },
    [`Property[computed=false][key.name="${property}"]`]: (prop: TSESTree.Property) => {
      const found = nextRequestDestructuring(context, prop);
      if (found) handlers.onDestructure(prop, found);
    },
  };
}

/**
 * Whether swapping a `string | null` read for a `string | undefined` one (what geolocation()
 * and ipAddress() return for a missing header) would be observable right at the read: a strict
 * comparison with `null`/`undefined`, or a type annotation/assertion on the value.
 */
export function nullDistinguishedAt(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      if (parent.operator !== '===' && parent.operator !== '!==') return false;
      const other = parent.left === child ? parent.right : parent.left;
      return (
        (other.type === AST_NODE_TYPES.Literal && other.raw === 'null') ||
        (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined')
      );
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child && parent.id.typeAnnotation !== undefined;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return true;
    default:
      return false;
  }
}
