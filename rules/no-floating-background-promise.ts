/**
 * fn/no-floating-background-promise: inside request-handling code, a promise must be
 * awaited, returned, or handed to `waitUntil()`/`after()`; otherwise the platform may
 * freeze or end the function once the response is sent and the work is lost.
 * `void p` and `p.catch(...)` handle the rejection but keep nothing alive, so they are reported.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { NEXT_FACTS } from '../lib/catalog.js';
import { canAwaitAt, isFunctionNode, isTightExpression, unwrapTypeWrappers, type FunctionNode } from './utils/ast.js';
import { createRule } from './utils/create-rule.js';
import { planApiImport, planImport } from './utils/import-fixer.js';
import { afterExportAt, afterImportName } from './utils/next-support.js';
import { getPromiseDetector, promiseFunctionsSchema } from './utils/promises.js';
import { getRequestHandlers } from './utils/request-handlers.js';
import { PROMISE_CHAIN_METHODS } from '../lib/promise-facts.js';

type Options = [{ scope?: 'handlers' | 'all-functions'; promiseFunctions?: string[] }];
type MessageIds = 'floating' | 'voided' | 'chained' | 'unused' | 'addAwait' | 'wrapKeeper' | 'wrapWaitUntil' | 'wrapAfter';

const AFTER_LOCAL_NAMES = ['after', 'nextAfter'] as const;

export default createRule<Options, MessageIds>({
  name: 'no-floating-background-promise',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require promises in request handlers to be awaited, returned, or handed to `waitUntil()`/`after()`',
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          scope: {
            type: 'string',
            enum: ['handlers', 'all-functions'],
            description: "Where to look: request-handling code only (default), or every function's body.",
          },
          promiseFunctions: promiseFunctionsSchema,
        },
      },
    ],
    messages: {
      floating:
        'This promise is neither awaited, returned, nor handed to `waitUntil()`/`after()`: once the response is sent the platform may freeze or end the function and the work is lost.',
      voided:
        '`void` only silences the promise: the platform may still freeze or end the function once the response is sent. Await it or hand it to `waitUntil()`/`after()`.',
      chained:
        '`.{{method}}()` handles the outcome but keeps nothing alive: once the response is sent the platform may freeze or end the function. Await the chain or hand it to `waitUntil()`/`after()`.',
      unused:
        "The promise in `{{name}}` is never awaited, returned, or handed to `waitUntil()`/`after()`: once the response is sent the platform may freeze or end the function and the work is lost.",
      addAwait: 'Await it (the response waits for the work).',
      wrapKeeper: "Hand it to `{{callee}}(...)`, the host's own keeper (the work goes on after the response).",
      wrapWaitUntil: 'Hand it to `{{callee}}(...)` (the work goes on after the response).',
      wrapAfter: 'Hand it to `{{callee}}(...)` from next/server (the work goes on after the response).',
    },
  },
  defaultOptions: [{ scope: 'handlers', promiseFunctions: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allFunctions = options.scope === 'all-functions';
    const handlers = getRequestHandlers(sourceCode, context.filename);
    if (!allFunctions && !handlers.mayHandleRequests) return {};
    const detector = getPromiseDetector(context, options.promiseFunctions ?? []);

    /** For each function entered: whether it counts as request-handling code. */
    const inScope: boolean[] = [];
    let depth = 0;

    const wrapperSuggestions = (
      at: TSESTree.Node,
      build: (fixer: TSESLint.RuleFixer, callee: string) => TSESLint.RuleFix,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
      const out: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const keeper = handlers.keeperAt(at);
      if (keeper) out.push({ messageId: 'wrapKeeper', data: { callee: keeper }, fix: (fixer) => build(fixer, keeper) });
      const waitUntilPlan = planApiImport(context, 'waitUntil', at);
      out.push({
        messageId: 'wrapWaitUntil',
        data: { callee: waitUntilPlan.expression },
        fix: (fixer) => [...waitUntilPlan.fixes(fixer), build(fixer, waitUntilPlan.expression)],
      });
      const handler = handlers.enclosingHandler(at);
      const framework = handler && handlers.shapeOf(handler)?.framework;
      // after() is Next.js's: a Remix `app/routes/**` module is not App Router code.
      const afterAt = framework === undefined || framework === 'next' ? afterExportAt(context, at) : 'none';
      if (afterAt !== 'none') {
        const afterPlan = planImport(sourceCode, {
          module: NEXT_FACTS.afterModule,
          name: afterImportName(afterAt),
          localNames: AFTER_LOCAL_NAMES,
          at,
        });
        out.push({
          messageId: 'wrapAfter',
          data: { callee: afterPlan.expression },
          fix: (fixer) => [...afterPlan.fixes(fixer), build(fixer, afterPlan.expression)],
        });
      }
      return out;
    };

    /** Suggestions for a floating expression `target` whose promise is `inner` (`void inner`, or itself). */
    const expressionSuggestions = (
      target: TSESTree.Node,
      inner: TSESTree.Expression,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
      const text = sourceCode.getText(inner);
      const out: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (canAwaitAt(target)) {
        const operand = isTightExpression(inner) ? text : `(${text})`;
        out.push({ messageId: 'addAwait', fix: (fixer) => fixer.replaceText(target, `await ${operand}`) });
      }
      const argument = inner.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
      out.push(...wrapperSuggestions(target, (fixer, callee) => fixer.replaceText(target, `${callee}(${argument})`)));
      return out;
    };

    const reportExpression = (target: TSESTree.Node, inner: TSESTree.Expression): void => {
      const value = unwrapTypeWrappers(inner);
      const callee = value.type === AST_NODE_TYPES.CallExpression ? unwrapTypeWrappers(value.callee as TSESTree.Expression) : undefined;
      const method =
        callee?.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : undefined;
      const suggest = expressionSuggestions(target, inner);
      if (target.type === AST_NODE_TYPES.UnaryExpression) context.report({ node: target, messageId: 'voided', suggest });
      else if (method && PROMISE_CHAIN_METHODS.has(method)) context.report({ node: target, messageId: 'chained', data: { method }, suggest });
      else context.report({ node: target, messageId: 'floating', suggest });
    };

    /** An expression whose value is discarded: report the promises in it. */
    const checkDiscarded = (input: TSESTree.Expression): void => {
      const node = unwrapTypeWrappers(input);
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.AssignmentExpression:
        case AST_NODE_TYPES.YieldExpression:
          return;
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator === 'void' && detector.isPromise(node.argument)) reportExpression(node, node.argument);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          checkDiscarded(node.consequent);
          checkDiscarded(node.alternate);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          checkDiscarded(node.left);
          checkDiscarded(node.right);
          return;
        case AST_NODE_TYPES.SequenceExpression:
          node.expressions.forEach(checkDiscarded);
          return;
        default:
          if (detector.isPromise(input)) reportExpression(input, input);
      }
    };

    const checkDeclarator = (node: TSESTree.VariableDeclarator): void => {
      const init = node.init;
      const id = node.id;
      if (!init || id.type !== AST_NODE_TYPES.Identifier) return;
      const value = unwrapTypeWrappers(init);
      if (value.type === AST_NODE_TYPES.AwaitExpression || isFunctionNode(value)) return;
      const [variable] = sourceCode.getDeclaredVariables(node);
      if (!variable || variable.references.some((ref) => !ref.init)) return;
      if (!detector.isPromise(init)) return;
      const declaration = node.parent as TSESTree.VariableDeclaration;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (canAwaitAt(node)) {
        const operand = isTightExpression(init) ? sourceCode.getText(init) : `(${sourceCode.getText(init)})`;
        suggest.push({ messageId: 'addAwait', fix: (fixer) => fixer.replaceText(init, `await ${operand}`) });
      }
      const container = declaration.parent;
      if (container.type === AST_NODE_TYPES.BlockStatement || container.type === AST_NODE_TYPES.SwitchCase) {
        const line = sourceCode.lines[declaration.loc.start.line - 1] ?? '';
        const indent = /^\s*/.exec(line)?.[0] ?? '';
        suggest.push(
          ...wrapperSuggestions(declaration, (fixer, callee) => fixer.insertTextAfter(declaration, `\n${indent}${callee}(${id.name});`)),
        );
      }
      context.report({ node: id, messageId: 'unused', data: { name: id.name }, suggest });
    };

    const enter = (fn: FunctionNode): void => {
      const counts = allFunctions || handlers.isRequestHandler(fn);
      inScope.push(counts);
      if (counts) depth++;
    };
    const exit = (): void => {
      if (inScope.pop()) depth--;
    };

    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': exit,
      'FunctionExpression:exit': exit,
      'ArrowFunctionExpression:exit': exit,
      ExpressionStatement(node) {
        if (depth === 0 || node.directive !== undefined) return;
        checkDiscarded(node.expression);
      },
      VariableDeclarator(node) {
        if (depth > 0) checkDeclarator(node);
      },
    };
  },
});
