/**
 * Where the OIDC token comes from, syntactically: the API's getters (through the shared
 * import resolver), the `VERCEL_OIDC_TOKEN` env var and the per-request token header.
 * Every name comes from the catalog's OIDC_FACTS.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { OIDC_FACTS } from '../../lib/catalog.js';
import { getApiResolver, type ApiResolver } from './api-imports.js';
import { memberName, staticString, unwrapTypeWrappers } from './ast.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * - `async-getter`: `await getVercelOidcToken()` (the token itself)
 * - `promise`: `getVercelOidcToken()` without `await` (a promise of the token)
 * - `sync-getter`: `getVercelOidcTokenSync()`
 * - `env`: a read of `process.env.VERCEL_OIDC_TOKEN` (or `import.meta.env.…`)
 * - `header`: a read of the token request header
 */
export type TokenSourceKind = 'async-getter' | 'promise' | 'sync-getter' | 'env' | 'header';

/** Methods that read one header by name: `Headers#get`, Express/Hono `req.get` / `req.header`. */
const HEADER_GETTERS: ReadonlySet<string> = new Set(['get', 'header']);
const HEADER_PATTERN = new RegExp(OIDC_FACTS.header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

export function isTokenHeaderName(name: string | undefined): boolean {
  return name !== undefined && name.toLowerCase() === OIDC_FACTS.header;
}

/**
 * Whether a member expression (or identifier) is being read rather than written:
 * assignment targets, `x++`, `delete x` and destructuring targets are not reads.
 */
export function isRead(node: TSESTree.Node): boolean {
  let n = node;
  while (
    n.parent &&
    (n.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      n.parent.type === AST_NODE_TYPES.TSAsExpression ||
      n.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    n = n.parent;
  }
  const parent = n.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left !== n;
    case AST_NODE_TYPES.UpdateExpression:
      return false;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== 'delete';
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left !== n;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.left !== n;
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return false;
    case AST_NODE_TYPES.Property:
      return !(parent.value === n && parent.parent.type === AST_NODE_TYPES.ObjectPattern);
    default:
      return true;
  }
}

export interface TokenSources {
  readonly resolver: ApiResolver;
  /** Cheap text test: false when the file cannot contain any token source. */
  readonly mayMentionToken: boolean;
  /** False when the file cannot call a getter (no API import or no getter name in it). */
  readonly mayCallGetter: boolean;
  /** What token source `node` is itself (no flow through variables), if any. */
  kindOf(node: TSESTree.Node): TokenSourceKind | undefined;
  /** `process.env` or `import.meta.env` (with `process` not a local binding). */
  isEnvObject(node: TSESTree.Node): boolean;
  /** `process.env.VERCEL_OIDC_TOKEN` / `process.env['…']` / `import.meta.env.…`, read or written. */
  isEnvTokenMember(node: TSESTree.Node): node is TSESTree.MemberExpression;
  /** `h.get('<token header>')`, `req.header('…')`. */
  isHeaderGetCall(node: TSESTree.Node): node is TSESTree.CallExpression;
  /** `req.headers['<token header>']`, read or written. */
  isHeaderMember(node: TSESTree.Node): node is TSESTree.MemberExpression;
  /** A call of the API's async getter. */
  isAsyncGetterCall(node: TSESTree.Node): node is TSESTree.CallExpression;
  /** A call of the API's sync getter. */
  isSyncGetterCall(node: TSESTree.Node): node is TSESTree.CallExpression;
  /**
   * For `const { <key>: x } = <init>`: the token source the key reads (`env` for the env
   * var out of `process.env`, `header` for the header name out of any object).
   */
  destructuredSource(key: string | undefined, init: TSESTree.Node | null | undefined): 'env' | 'header' | undefined;
}

const cache = new WeakMap<object, TokenSources>();

export function getTokenSources(context: Context): TokenSources {
  const sourceCode = context.sourceCode;
  let sources = cache.get(sourceCode);
  if (!sources) {
    sources = createTokenSources(sourceCode, getApiResolver(context));
    cache.set(sourceCode, sources);
  }
  return sources;
}

function isGlobal(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  return !variable || variable.defs.length === 0;
}

function createTokenSources(sourceCode: SourceCode, resolver: ApiResolver): TokenSources {
  const text = sourceCode.text;
  const mayCallGetter = resolver.mayUseApi && text.includes(OIDC_FACTS.asyncGetter);
  const mayMentionToken = mayCallGetter || text.includes(OIDC_FACTS.envVar) || HEADER_PATTERN.test(text);

  const isEnvObject = (node: TSESTree.Node): boolean => {
    const n = unwrapTypeWrappers(node);
    if (n.type !== AST_NODE_TYPES.MemberExpression || memberName(n) !== 'env') return false;
    const object = unwrapTypeWrappers(n.object);
    if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'process' && isGlobal(sourceCode, object);
    return object.type === AST_NODE_TYPES.MetaProperty && object.meta.name === 'import' && object.property.name === 'meta';
  };

  const isEnvTokenMember = (node: TSESTree.Node): node is TSESTree.MemberExpression =>
    node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === OIDC_FACTS.envVar && isEnvObject(node.object);

  const isHeaderGetCall = (node: TSESTree.Node): node is TSESTree.CallExpression => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapTypeWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee);
    return method !== undefined && HEADER_GETTERS.has(method) && isTokenHeaderName(staticString(node.arguments[0]));
  };

  const isHeaderMember = (node: TSESTree.Node): node is TSESTree.MemberExpression =>
    node.type === AST_NODE_TYPES.MemberExpression && node.computed && isTokenHeaderName(memberName(node));

  const isAsyncGetterCall = (node: TSESTree.Node): node is TSESTree.CallExpression =>
    mayCallGetter && node.type === AST_NODE_TYPES.CallExpression && resolver.isApi(node.callee, OIDC_FACTS.asyncGetter);

  const isSyncGetterCall = (node: TSESTree.Node): node is TSESTree.CallExpression =>
    mayCallGetter && node.type === AST_NODE_TYPES.CallExpression && resolver.isApi(node.callee, OIDC_FACTS.syncGetter);

  const kindOf = (node: TSESTree.Node): TokenSourceKind | undefined => {
    if (!mayMentionToken) return undefined;
    const n = unwrapTypeWrappers(node);
    switch (n.type) {
      case AST_NODE_TYPES.AwaitExpression: {
        const arg = unwrapTypeWrappers(n.argument);
        return isAsyncGetterCall(arg) ? 'async-getter' : undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        if (isSyncGetterCall(n)) return 'sync-getter';
        if (isAsyncGetterCall(n)) return 'promise';
        return isHeaderGetCall(n) ? 'header' : undefined;
      case AST_NODE_TYPES.MemberExpression:
        if (isEnvTokenMember(n)) return 'env';
        return isHeaderMember(n) ? 'header' : undefined;
      default:
        return undefined;
    }
  };

  const destructuredSource = (key: string | undefined, init: TSESTree.Node | null | undefined): 'env' | 'header' | undefined => {
    if (key === undefined || !init) return undefined;
    if (key === OIDC_FACTS.envVar && isEnvObject(init)) return 'env';
    if (isTokenHeaderName(key)) return 'header';
    return undefined;
  };

  return {
    resolver,
    mayMentionToken,
    mayCallGetter,
    kindOf,
    isEnvObject,
    isEnvTokenMember,
    isHeaderGetCall,
    isHeaderMember,
    isAsyncGetterCall,
    isSyncGetterCall,
    destructuredSource,
  };
}
