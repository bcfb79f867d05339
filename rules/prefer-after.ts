/**
 * fn/prefer-after: in Next.js App Router code (app/**, middleware/proxy, server actions)
 * of a Next version that has `after()`, use it instead of the API's `waitUntil()`.
 * Never in pages/api/**, below Next 15.0, without a known Next version, or in client files.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { NEXT_FACTS } from '../lib/catalog.js';
import { getApiResolver } from './utils/api-imports.js';
import { isAtModuleScope } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { separateInsertions } from './utils/fix-edits.js';
import { planImport } from './utils/import-fixer.js';
import { removeBinding } from './utils/import-removal.js';
import { afterExportAt, afterImportName, getNextSupport } from './utils/next-support.js';
import { getRequestHandlers } from './utils/request-handlers.js';
import { variableOf } from '../lib/estree/scope.js';

/** Local names `after` is imported under, in order of preference, when the file has none. */
const AFTER_LOCAL_NAMES = ['after', 'nextAfter'] as const;

export default createRule<[], 'preferAfter'>({
  name: 'prefer-after',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Prefer Next.js `after()` over the API's `waitUntil()` in App Router code of Next.js versions that have it",
      recommended: false,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    schema: [],
    messages: {
      preferAfter:
        "Use `{{exportName}}()` from next/server instead of `waitUntil()` here: this is App Router code and Next.js {{version}} runs `{{exportName}}` work after the response, with the framework's own tracking and error reporting.",
    },
  },
  defaultOptions: [],
  create(context) {
    const resolver = getApiResolver(context);
    if (!resolver.mayUseApi) return {};
    const sourceCode = context.sourceCode;
    const handlers = getRequestHandlers(sourceCode, context.filename);
    const role = handlers.pathRole;
    if (handlers.clientFile || role.pagesApi) return {};
    if (!role.appRouter && !role.middleware && !handlers.serverActionsFile && !sourceCode.text.includes('use server')) {
      return {};
    }
    const support = getNextSupport(context);
    if (support.after === 'none') return {};

    /** The import/require binding a callee goes through, if removing it could ever apply. */
    const bindingIdentifier = (callee: TSESTree.Node): TSESTree.Identifier | undefined => {
      const inner = callee.type === AST_NODE_TYPES.ChainExpression ? callee.expression : callee;
      if (inner.type === AST_NODE_TYPES.Identifier) return inner;
      if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.Identifier) return inner.object;
      return undefined;
    };

    const fixCall = (fixer: TSESLint.RuleFixer, node: TSESTree.CallExpression, exportName: string): TSESLint.RuleFix[] => {
      const plan = planImport(sourceCode, {
        module: NEXT_FACTS.afterModule,
        name: exportName,
        localNames: AFTER_LOCAL_NAMES,
        at: node.callee,
      });
      const fixes = [...plan.fixes(fixer), fixer.replaceText(node.callee, plan.expression)];
      const id = bindingIdentifier(node.callee);
      const variable = id && variableOf(sourceCode, id);
      if (variable && !variable.references.some((ref) => ref.identifier !== id && !ref.init)) {
        const removal = removeBinding(sourceCode, fixer, variable);
        if (removal) fixes.push(removal);
      }
      return separateInsertions(fixes);
    };

    return {
      CallExpression(node) {
        if (!resolver.isApi(node.callee, 'waitUntil') || isAtModuleScope(node)) return;
        const at = afterExportAt(context, node);
        if (at === 'none') return;
        const exportName = afterImportName(at);
        const fixable = node.arguments.length === 1 && node.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement;
        context.report({
          node: node.callee,
          messageId: 'preferAfter',
          data: { exportName, version: support.next?.version ?? '' },
          fix: fixable ? (fixer) => fixCall(fixer, node, exportName) : null,
        });
      },
    };
  },
});
