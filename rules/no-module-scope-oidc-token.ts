/**
 * fn/no-module-scope-oidc-token: the OIDC token read while the module loads, or kept in
 * module-level state (variables, object properties, Map/Set/array caches, globalThis).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { OIDC_FACTS } from '../lib/catalog.js';
import { isAtModuleScope, memberName, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { envReadListener } from './utils/env-reads.js';
import { getTokenFlow } from './utils/oidc-flow.js';
import { isTokenEnvName } from './utils/oidc-sources.js';
import { variableOf } from '../lib/estree/scope.js';

const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);
/** Methods that store an argument in a collection. */
const STORING_METHODS: ReadonlySet<string> = new Set(['set', 'add', 'push', 'unshift']);

const messageData = { asyncGetter: OIDC_FACTS.asyncGetter, awsProvider: OIDC_FACTS.awsProvider };

export default createRule<[], 'moduleScope' | 'cached'>({
  name: 'no-module-scope-oidc-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading the OIDC token at module scope or caching it in module-level state',
      recommended: true,
      requiresTypeChecking: false,
    },
    schema: [],
    messages: {
      moduleScope:
        'The OIDC token is read while the module loads: once per instance, possibly before any request brings a token, and the value expires while the instance lives on. Call {{asyncGetter}}() where the token is used, pass the getter itself (`{{asyncGetter}}`, not its result), or use {{awsProvider}}() for AWS credentials.',
      cached:
        'The OIDC token is kept in module-level `{{name}}`: it outlives the request, expires, and is shared by every request the instance serves. Call {{asyncGetter}}() each time you need it, pass the getter itself, or use {{awsProvider}}() for AWS credentials.',
    },
  },
  defaultOptions: [],
  create(context) {
    const flow = getTokenFlow(context);
    const { sources } = flow;
    if (!sources.mayMentionToken) return {};
    const sourceCode = context.sourceCode;

    /** The name of the module-level state `node` writes to, if it is module-level. */
    const moduleLevelName = (node: TSESTree.Node): string | undefined => {
      let n = unwrapTypeWrappers(node);
      while (n.type === AST_NODE_TYPES.MemberExpression) n = unwrapTypeWrappers(n.object);
      if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = variableOf(sourceCode, n);
      if (!variable || variable.defs.length === 0) {
        // An undeclared name is an implicit global; `globalThis.x` is a global too.
        return node.type === AST_NODE_TYPES.Identifier || GLOBAL_OBJECTS.has(n.name) ? n.name : undefined;
      }
      const scope = variable.scope.type;
      return scope === 'module' || scope === 'global' ? n.name : undefined;
    };

    const holdsToken = (node: TSESTree.Node): boolean => flow.carriesToken(node) || flow.carriesTokenPromise(node);

    const reportModuleScope = (node: TSESTree.Node): void => {
      context.report({ node, messageId: 'moduleScope', data: messageData });
    };

    return {
      // `process.env.VERCEL_OIDC_TOKEN` / `const { VERCEL_OIDC_TOKEN } = process.env` while the module loads.
      ...envReadListener(sourceCode, (read) => {
        if (isTokenEnvName(read.name) && isAtModuleScope(read.node)) reportModuleScope(read.node);
      }),
      CallExpression(node) {
        if (isAtModuleScope(node)) {
          if (sources.isAsyncGetterCall(node) || sources.isSyncGetterCall(node)) reportModuleScope(node);
          return;
        }
        // `cache.set(key, token)`, `tokens.push(token)` on module-level collections.
        const callee = unwrapTypeWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = memberName(callee);
        if (method === undefined || !STORING_METHODS.has(method)) return;
        const name = moduleLevelName(callee.object);
        if (name !== undefined && node.arguments.some(holdsToken)) {
          context.report({ node, messageId: 'cached', data: { ...messageData, name } });
        }
      },
      AssignmentExpression(node) {
        // At module load the read itself is reported; inside functions, the write to module state is.
        if (isAtModuleScope(node) || !holdsToken(node.right)) return;
        const name = moduleLevelName(node.left);
        if (name !== undefined) context.report({ node, messageId: 'cached', data: { ...messageData, name } });
      },
    };
  },
});
