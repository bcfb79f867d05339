/**
 * Where the OIDC token comes from, syntactically: the API's getters (through the shared
 * import resolver), the `VERCEL_OIDC_TOKEN` env var (utils/env-reads.ts) and the
 * per-request token header (utils/header-reads.ts). Every name comes from the catalog's
 * OIDC_FACTS.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { OIDC_FACTS } from '../../lib/catalog.js';
import { getApiResolver, type ApiResolver } from './api-imports.js';
import { propertyKey, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { envMemberRead, envObjectKind } from './env-reads.js';
import { createHeaderTextTest, headerReadOf, headerReadOfProperty, type HeaderReadOptions } from './header-reads.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * - `async-getter`: `await getVercelOidcToken()` (the token itself)
 * - `promise`: `getVercelOidcToken()` without `await` (a promise of the token)
 * - `sync-getter`: `getVercelOidcTokenSync()`
 * - `env`: a read of `process.env.VERCEL_OIDC_TOKEN` (or `import.meta.env.…`)
 * - `header`: a read of the token request header
 */
export type TokenSourceKind = 'async-getter' | 'promise' | 'sync-getter' | 'env' | 'header';

/**
 * How the token header is read: `Headers#get`, Express/Hono `req.get` / `req.header`, and,
 * the name being specific to the token, an index or destructuring read off any object
 * (`Object.fromEntries(req.headers)['x-vercel-oidc-token']`).
 */
export const TOKEN_HEADER_READS: HeaderReadOptions = {
  getters: new Set(['get', 'header']),
  destructuring: true,
  anyObject: true,
};

const mentionsTokenHeader = createHeaderTextTest([OIDC_FACTS.header]);

export function isTokenHeaderName(name: string): boolean {
  return name.toLowerCase() === OIDC_FACTS.header;
}

export function isTokenEnvName(name: string): boolean {
  return name === OIDC_FACTS.envVar;
}

export interface TokenSources {
  readonly resolver: ApiResolver;
  /** Cheap text test: false when the file cannot contain any token source. */
  readonly mayMentionToken: boolean;
  /** False when the file cannot call a getter (no API import or no getter name in it). */
  readonly mayCallGetter: boolean;
  /** What token source `node` is itself (no flow through variables), if any. */
  kindOf(node: TSESTree.Node): TokenSourceKind | undefined;
  /** A call of the API's async getter. */
  isAsyncGetterCall(node: TSESTree.Node): node is TSESTree.CallExpression;
  /** A call of the API's sync getter. */
  isSyncGetterCall(node: TSESTree.Node): node is TSESTree.CallExpression;
  /**
   * For a property `prop` of a pattern destructuring `init`: the token source it reads
   * (`env` for the env var out of an env object, `header` for the header name out of any object).
   */
  destructuredSource(prop: TSESTree.Property, init: TSESTree.Node | null | undefined): 'env' | 'header' | undefined;
}

const cache = new WeakMap<object, TokenSources>();

export function getTokenSources(context: Context): TokenSources {
  const sourceCode = context.sourceCode;
  let sources = cache.get(sourceCode);
  if (!sources) {
    sources = createTokenSources(context, getApiResolver(context));
    cache.set(sourceCode, sources);
  }
  return sources;
}

function createTokenSources(context: Context, resolver: ApiResolver): TokenSources {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  // A project module may pass the getter on under another name (a re-export or a wrapper).
  const mayCallGetter = resolver.mayUseApi && (text.includes(OIDC_FACTS.asyncGetter) || resolver.usesProjectAliases);
  const mayMentionToken = mayCallGetter || text.includes(OIDC_FACTS.envVar) || mentionsTokenHeader(text);

  const isAsyncGetterCall = (node: TSESTree.Node): node is TSESTree.CallExpression =>
    mayCallGetter &&
    node.type === AST_NODE_TYPES.CallExpression &&
    resolver.resolve(node.callee, { wrappers: true })?.name === OIDC_FACTS.asyncGetter;

  const isSyncGetterCall = (node: TSESTree.Node): node is TSESTree.CallExpression =>
    mayCallGetter && node.type === AST_NODE_TYPES.CallExpression && resolver.isApi(node.callee, OIDC_FACTS.syncGetter);

  const isHeaderRead = (node: TSESTree.Node): boolean =>
    headerReadOf(context, node, isTokenHeaderName, TOKEN_HEADER_READS) !== undefined;

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
        return isHeaderRead(n) ? 'header' : undefined;
      case AST_NODE_TYPES.MemberExpression:
        if (envMemberRead(sourceCode, n, isTokenEnvName)) return 'env';
        return isHeaderRead(n) ? 'header' : undefined;
      default:
        return undefined;
    }
  };

  const destructuredSource = (prop: TSESTree.Property, init: TSESTree.Node | null | undefined): 'env' | 'header' | undefined => {
    if (!init || prop.parent.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    if (propertyKey(prop) === OIDC_FACTS.envVar && envObjectKind(sourceCode, init)) return 'env';
    // A pattern's initialiser or assigned value is always an expression.
    const receiver = init as TSESTree.Expression;
    return headerReadOfProperty(context, prop, receiver, isTokenHeaderName, TOKEN_HEADER_READS) ? 'header' : undefined;
  };

  return { resolver, mayMentionToken, mayCallGetter, kindOf, isAsyncGetterCall, isSyncGetterCall, destructuredSource };
}
