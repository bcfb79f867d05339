/**
 * fn/no-oidc-token-env: reads of the OIDC token from `process.env` (or `import.meta.env`)
 * and from the per-request token header, instead of the API's getters.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { OIDC_FACTS } from '../lib/catalog.js';
import { createRule } from './utils/create-rule.js';
import { getterCallFor } from './utils/oidc-fixes.js';
import { envReadListener } from './utils/env-reads.js';
import { headerReadListener } from './utils/header-reads.js';
import { getTokenSources, isTokenEnvName, isTokenHeaderName, TOKEN_HEADER_READS } from './utils/oidc-sources.js';

type MessageId = 'envRead' | 'headerRead' | 'useAsyncGetter' | 'useSyncGetter';

const messageData = {
  envVar: OIDC_FACTS.envVar,
  header: OIDC_FACTS.header,
  asyncGetter: OIDC_FACTS.asyncGetter,
  syncGetter: OIDC_FACTS.syncGetter,
};

export default createRule<[], MessageId>({
  name: 'no-oidc-token-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading the OIDC token from the environment or the request header instead of the getters',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      envRead:
        '{{envVar}} read from the environment is a snapshot: it may be missing where the token only comes with the request, and it expires. Call {{asyncGetter}}() (or {{syncGetter}}() outside async code), which reads the current token.',
      headerRead:
        'Reading the {{header}} header by hand misses the env fallback, local development and the error handling of the getters. Call {{asyncGetter}}() (or {{syncGetter}}() outside async code).',
      useAsyncGetter: 'Replace with `await {{getter}}()`.',
      useSyncGetter: 'Replace with `{{getter}}()`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sources = getTokenSources(context);
    if (!sources.mayMentionToken) return {};
    const sourceCode = context.sourceCode;

    /** A suggestion that writes `<prefix>` + the getter call in place of `target`. */
    const suggestion = (
      target: TSESTree.Node,
      replacement: (call: string) => string = (call) => call,
    ): TSESLint.ReportSuggestionArray<MessageId> => {
      const call = getterCallFor(context, target);
      return [
        {
          messageId: call.getter === OIDC_FACTS.asyncGetter ? 'useAsyncGetter' : 'useSyncGetter',
          data: { getter: call.getter },
          fix: (fixer) => [fixer.replaceText(target, replacement(call.text)), ...call.importFixes(fixer)],
        },
      ];
    };

    const reportRead = (node: TSESTree.Node, messageId: 'envRead' | 'headerRead'): void => {
      context.report({ node, messageId, data: messageData, suggest: suggestion(node) });
    };

    /** `const { VERCEL_OIDC_TOKEN: token } = process.env` and the header-name equivalent. */
    const reportPatternRead = (prop: TSESTree.Property, pattern: TSESTree.ObjectPattern, messageId: 'envRead' | 'headerRead'): void => {
      const declarator = pattern.parent.type === AST_NODE_TYPES.VariableDeclarator ? pattern.parent : undefined;
      // Only a lone, plain binding can become `const <name> = <getter call>` without losing anything.
      const soleBinding = declarator !== undefined && pattern.properties.length === 1 && prop.value.type === AST_NODE_TYPES.Identifier;
      if (!soleBinding) {
        context.report({ node: prop, messageId, data: messageData });
        return;
      }
      const name = sourceCode.getText(prop.value);
      context.report({
        node: prop,
        messageId,
        data: messageData,
        suggest: suggestion(declarator, (call) => `${name} = ${call}`),
      });
    };

    return {
      ...envReadListener(sourceCode, (read) => {
        if (!isTokenEnvName(read.name)) return;
        if (read.syntax === 'destructure' && read.pattern && read.node.type === AST_NODE_TYPES.Property) {
          reportPatternRead(read.node, read.pattern, 'envRead');
        } else {
          reportRead(read.node, 'envRead');
        }
      }),
      ...headerReadListener(
        context,
        isTokenHeaderName,
        (read) => {
          if (read.access === 'destructure') reportPatternRead(read.node, read.pattern, 'headerRead');
          else reportRead(read.node, 'headerRead');
        },
        TOKEN_HEADER_READS,
      ),
    };
  },
});
