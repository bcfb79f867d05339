/**
 * fn/valid-wait-until: `waitUntil` from the API takes exactly one promise, inside a request.
 * Flags a function passed instead of a promise (a TypeError at run time), `await
 * waitUntil(...)`, a wrong argument count, and calls at module scope.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getApiResolver } from './utils/api-imports.js';
import { isAtModuleScope, isFunctionNode, unwrapTypeWrappers, type FunctionNode } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { getPromiseDetector } from './utils/promises.js';

type MessageIds =
  | 'functionArgument'
  | 'wrapperFunctionArgument'
  | 'functionReference'
  | 'notAPromise'
  | 'awaited'
  | 'missingArgument'
  | 'extraArguments'
  | 'moduleScope'
  | 'callFunction'
  | 'invokeFunction'
  | 'removeAwait'
  | 'combinePromises';

const TYPE_ERROR = 'waitUntil throws "TypeError: waitUntil can only be called with a Promise" at run time';

export default createRule<[], MessageIds>({
  name: 'valid-wait-until',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `waitUntil()` to get exactly one promise, inside a request, without `await`',
      recommended: true,
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      functionArgument: `\`waitUntil()\` gets a function here, not a promise: ${TYPE_ERROR}. Call the function and pass the promise it returns.`,
      wrapperFunctionArgument: `\`{{wrapper}}()\` hands this argument to \`waitUntil()\` ({{module}}), and it is a function, not a promise: ${TYPE_ERROR}. Call the function and pass the promise it returns.`,
      functionReference: `\`waitUntil({{name}})\` passes the function itself, not a promise: ${TYPE_ERROR}. Pass \`{{name}}()\`.`,
      notAPromise: `\`waitUntil()\` gets a value of type \`{{type}}\`, not a promise: ${TYPE_ERROR}.`,
      awaited:
        '`await waitUntil(...)` waits for nothing: waitUntil returns undefined at once and the task goes on in the background. Drop `await`, or await the promise itself if the response must wait for it.',
      missingArgument: `\`waitUntil()\` needs the promise to keep alive: with no argument ${TYPE_ERROR}.`,
      extraArguments:
        '`waitUntil()` takes one promise; the other {{count}} argument(s) are ignored and their work may be cut off. Pass `Promise.all([...])`, or call waitUntil once per promise.',
      moduleScope:
        '`waitUntil()` at module scope runs once when the module loads, outside any request: there is no request to extend and the task is not tracked. Call it inside the request handler.',
      callFunction: 'Call the function and pass its promise: `waitUntil({{call}})`.',
      invokeFunction: 'Call the function in place and pass the promise it returns.',
      removeAwait: 'Remove `await`.',
      combinePromises: 'Combine the promises: `waitUntil(Promise.all([...]))`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const resolver = getApiResolver(context);
    if (!resolver.mayUseApi) return {};
    const sourceCode = context.sourceCode;

    const invoke = (fixer: TSESLint.RuleFixer, fn: TSESTree.Node): TSESLint.RuleFix =>
      fixer.replaceText(fn, `(${sourceCode.getText(fn)})()`);

    /** `wrapper`: the project function (and its module) the argument goes through to waitUntil. */
    const checkFunctionArgument = (fn: FunctionNode, wrapper?: { wrapper: string; module: string }): void => {
      const messageId = wrapper ? 'wrapperFunctionArgument' : 'functionArgument';
      const data = wrapper ?? {};
      if (fn.generator) {
        // Calling a generator gives an iterator, not a promise: no fix would help.
        context.report({ node: fn, messageId, data });
        return;
      }
      // `async () => …` called with no arguments always yields a promise: the intent is plain.
      if (fn.async && fn.params.length === 0) {
        context.report({ node: fn, messageId, data, fix: (fixer) => invoke(fixer, fn) });
        return;
      }
      context.report({
        node: fn,
        messageId,
        data,
        suggest: [
          {
            messageId: 'invokeFunction',
            fix: (fixer) => invoke(fixer, fn),
          },
        ],
      });
    };

    const checkArgument = (arg: TSESTree.Expression, wrapper?: { wrapper: string; module: string }): void => {
      const value = unwrapTypeWrappers(arg);
      if (isFunctionNode(value)) return checkFunctionArgument(value, wrapper);
      const detector = getPromiseDetector(context);
      if (
        (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) &&
        detector.isFunctionValue(arg)
      ) {
        const name = sourceCode.getText(arg);
        context.report({
          node: arg,
          messageId: 'functionReference',
          data: { name },
          suggest: [{ messageId: 'callFunction', data: { call: `${name}()` }, fix: (fixer) => fixer.insertTextAfter(arg, '()') }],
        });
        return;
      }
      if (detector.typed) {
        const type = detector.nonPromiseType(arg);
        if (type !== undefined) context.report({ node: arg, messageId: 'notAPromise', data: { type } });
      }
    };

    return {
      CallExpression(node) {
        const ref = resolver.resolve(node.callee, { wrappers: true });
        if (ref?.name !== 'waitUntil') return;
        if (ref.through?.wrapper) {
          // A project function that hands its argument to waitUntil: the argument must be a promise too.
          if (isAtModuleScope(node)) context.report({ node, messageId: 'moduleScope' });
          const passed = node.arguments[ref.through.param ?? 0];
          const wrapper = { wrapper: sourceCode.getText(node.callee), module: ref.through.specifier };
          if (passed && passed.type !== AST_NODE_TYPES.SpreadElement) checkArgument(passed, wrapper);
          return;
        }
        const args = node.arguments;
        if (isAtModuleScope(node)) context.report({ node, messageId: 'moduleScope' });

        const parent = node.parent.type === AST_NODE_TYPES.ChainExpression ? node.parent.parent : node.parent;
        if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
          const awaitNode = parent;
          context.report({
            node: awaitNode,
            messageId: 'awaited',
            suggest: [
              {
                messageId: 'removeAwait',
                fix: (fixer) => fixer.replaceText(awaitNode, sourceCode.getText(awaitNode.argument)),
              },
            ],
          });
        }

        if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
        const [first, ...rest] = args as TSESTree.Expression[];
        if (!first) {
          context.report({ node, messageId: 'missingArgument' });
          return;
        }
        if (rest.length > 0) {
          const last = rest[rest.length - 1] as TSESTree.Expression;
          context.report({
            node,
            messageId: 'extraArguments',
            data: { count: String(rest.length) },
            suggest: [
              {
                messageId: 'combinePromises',
                fix: (fixer) =>
                  fixer.replaceTextRange(
                    [first.range[0], last.range[1]],
                    `Promise.all([${sourceCode.text.slice(first.range[0], last.range[1])}])`,
                  ),
              },
            ],
          });
        }
        checkArgument(first);
      },
    };
  },
});
