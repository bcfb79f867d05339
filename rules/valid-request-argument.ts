/**
 * fn/valid-request-argument: upstream `geolocation()` (`@vercel/functions`) given a headers
 * object. It reads `request.headers.get(...)`, so a `Headers` value throws "Cannot read
 * properties of undefined (reading 'get')". Suggestion: pass the request.
 *
 * Upstream `ipAddress()` accepts a `Headers` (`'headers' in input ? input.headers : input`) and
 * is not reported; neither is `@fn-kit/functions`, whose functions accept both.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { resolveApiModule } from '../lib/catalog.js';
import { pathRole } from '../lib/file-role.js';
import { REQUEST_PARAM_NAME } from '../lib/request-params.js';
import { getApiResolver } from './utils/api-imports.js';
import { memberName, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { constBinding, patternKeyOf } from './utils/env-values.js';
import { GEOLOCATION } from './utils/geolocation-calls.js';
import { headersSourceOf } from './utils/header-reads.js';
import { getRequestHandlers } from './utils/request-handlers.js';
import { isGlobalReference } from '../lib/estree/scope.js';
import { typeServices } from './utils/type-services.js';

type MessageId = 'headersArgument' | 'passRequest';

/** The package whose `geolocation()` only takes a request (it reads `<arg>.headers.get`). */
const UPSTREAM_PACKAGE = '@vercel/functions';
const HEADERS_PROPERTY = 'headers';
/** Types of header objects: the web `Headers` and Next's `ReadonlyHeaders` (`headers()`). */
const HEADERS_TYPE_NAMES: ReadonlySet<string> = new Set(['Headers', 'ReadonlyHeaders']);
/** Request types whose `.headers` has `get`: upstream reads them correctly. */
const WEB_REQUEST_TYPES: ReadonlySet<string> = new Set(['Request', 'NextRequest']);
const MAX_CONST_DEPTH = 4;

export default createRule<[], MessageId>({
  name: 'valid-request-argument',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a request, not a `Headers` object, as the argument of `geolocation()` from `@vercel/functions`',
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      headersArgument:
        "`geolocation()` from `@vercel/functions` reads `<argument>.headers`, so given {{what}} it throws \"Cannot read properties of undefined (reading 'get')\": pass the request.",
      passRequest: 'Pass `{{request}}` instead.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const resolver = getApiResolver(context);
    if (!resolver.mayUseApi || !sourceCode.text.includes(UPSTREAM_PACKAGE)) return {};
    const services = typeServices(sourceCode);
    // A Pages Router request is a Node IncomingMessage: its `.headers` has no `get` either.
    const nodeRequests = pathRole(context.filename).pagesApi;

    const typedAsHeaders = (node: TSESTree.Node): boolean => {
      if (!services) return false;
      const symbol = services.getTypeAtLocation(node).getSymbol();
      return symbol !== undefined && HEADERS_TYPE_NAMES.has(symbol.getName());
    };

    /** What the argument is, when it is a headers object: for the message. */
    const headersKind = (node: TSESTree.Node, depth: number): string | undefined => {
      const n = unwrapTypeWrappers(node);
      if (n.type === AST_NODE_TYPES.Identifier) {
        const binding = depth < MAX_CONST_DEPTH ? constBinding(sourceCode, n) : undefined;
        const pattern = binding?.declarator.id;
        if (binding && pattern === binding.name) return headersKind(binding.init, depth + 1);
        // const { headers } = request
        if (binding && pattern?.type === AST_NODE_TYPES.ObjectPattern && patternKeyOf(pattern, binding.name) === HEADERS_PROPERTY) {
          return '`request.headers`';
        }
        return typedAsHeaders(n) ? 'a `Headers` value' : undefined;
      }
      if (n.type === AST_NODE_TYPES.NewExpression) {
        return n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'Headers' && isGlobalReference(sourceCode, n.callee)
          ? '`new Headers(...)`'
          : undefined;
      }
      const source = headersSourceOf(sourceCode, n).kind;
      if (source === 'next-headers') return 'the `headers()` of `next/headers`';
      if (source === 'request') return `\`${sourceCode.getText(n)}\``;
      return typedAsHeaders(n) ? 'a `Headers` value' : undefined;
    };

    /** A parameter that holds a web request: annotated `Request`/`NextRequest`, or unannotated. */
    const isWebRequestParam = (id: TSESTree.Identifier, byName: boolean): boolean => {
      const annotation = id.typeAnnotation?.typeAnnotation;
      if (annotation) {
        return (
          annotation.type === AST_NODE_TYPES.TSTypeReference &&
          annotation.typeName.type === AST_NODE_TYPES.Identifier &&
          WEB_REQUEST_TYPES.has(annotation.typeName.name)
        );
      }
      return !byName || REQUEST_PARAM_NAME.test(id.name);
    };

    /** The request to pass instead: `req` of `req.headers`, else the enclosing request handler's request parameter. */
    const requestFor = (call: TSESTree.CallExpression, argument: TSESTree.Node): string | undefined => {
      if (nodeRequests) return undefined;
      const scope = sourceCode.getScope(call);
      const visibleParam = (id: TSESTree.Identifier, byName: boolean): boolean => {
        const def = ASTUtils.findVariable(scope, id.name)?.defs[0];
        return def?.type === 'Parameter' && def.name === id && isWebRequestParam(id, byName);
      };
      const arg = unwrapTypeWrappers(argument);
      if (arg.type === AST_NODE_TYPES.MemberExpression && memberName(arg) === HEADERS_PROPERTY) {
        const owner = unwrapTypeWrappers(arg.object);
        if (owner.type !== AST_NODE_TYPES.Identifier) return undefined;
        const def = ASTUtils.findVariable(scope, owner.name)?.defs[0];
        // `req.headers` of a parameter: the parameter; of anything else (a const, an import): still it.
        if (def?.type !== 'Parameter') return owner.name;
        return def.name.type === AST_NODE_TYPES.Identifier && visibleParam(def.name, false) ? owner.name : undefined;
      }
      const handler = getRequestHandlers(sourceCode, context.filename).enclosingHandler(call);
      const first = handler?.params[0];
      const id = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
      if (id?.type === AST_NODE_TYPES.Identifier && visibleParam(id, true)) return id.name;
      return undefined;
    };

    return {
      CallExpression(node) {
        const ref = resolver.resolveCall(node);
        if (ref?.name !== GEOLOCATION || resolveApiModule(ref.module)?.pkg !== UPSTREAM_PACKAGE) return;
        const [argument] = node.arguments;
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const what = headersKind(argument, 0);
        if (!what) return;
        const request = requestFor(node, argument);
        context.report({
          node: argument,
          messageId: 'headersArgument',
          data: { what },
          ...(request
            ? { suggest: [{ messageId: 'passRequest' as const, data: { request }, fix: (fixer) => fixer.replaceText(argument, request) }] }
            : {}),
        });
      },
    };
  },
});
