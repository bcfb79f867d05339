/**
 * fn/valid-wait-until: `waitUntil` from the API takes exactly one promise, inside a request.
 * Flags a function passed instead of a promise (a TypeError at run time), `await
 * waitUntil(...)`, a wrong argument count, and calls at module scope. Also flags a
 * `waitUntil` looked up on the request in Next.js / Vercel / Workers-style handlers, where
 * the request has none (./utils/request-wait-until.ts).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { HandlerKind } from '../lib/handler-policy.js';
import { getApiResolver } from './utils/api-imports.js';
import { isAtModuleScope, isFunctionNode, unwrapTypeWrappers, type FunctionNode } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { chooseApiImportModule, planApiImport } from './utils/import-fixer.js';
import { getPromiseDetector } from './utils/promises.js';
import { getRequestHandlers } from './utils/request-handlers.js';
import { inLookup, memberLookup, patternLookup, WAIT_UNTIL, type LookupForm, type RequestWaitUntil } from './utils/request-wait-until.js';

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
  | 'combinePromises'
  | 'requestWaitUntilCall'
  | 'requestWaitUntilOptionalCall'
  | 'requestWaitUntilGuard'
  | 'requestWaitUntilRead'
  | 'useKeeper'
  | 'useApiWaitUntil';

const TYPE_ERROR = 'waitUntil throws "TypeError: waitUntil can only be called with a Promise" at run time';
const NO_WAIT_UNTIL = 'the request a {{handler}} receives has no `waitUntil`';

const REQUEST_MESSAGE: Readonly<Record<LookupForm, MessageIds>> = {
  call: 'requestWaitUntilCall',
  'optional-call': 'requestWaitUntilOptionalCall',
  guard: 'requestWaitUntilGuard',
  read: 'requestWaitUntilRead',
};

const HANDLER_LABEL: Partial<Readonly<Record<HandlerKind, string>>> = {
  route: 'route handler',
  middleware: 'middleware',
  'pages-api': 'Pages API route',
  'fetch-handler': 'fetch handler',
};

export default createRule<[], MessageIds>({
  name: 'valid-wait-until',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `waitUntil()` to get exactly one promise, inside a request, without `await`, and never from the request',
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
      requestWaitUntilCall: `\`{{lookup}}(...)\` throws a TypeError: ${NO_WAIT_UNTIL}, so the work is never handed off. Use {{use}}.`,
      requestWaitUntilOptionalCall: `\`{{lookup}}?.(...)\` calls nothing: ${NO_WAIT_UNTIL}, so the work is silently dropped. Use {{use}}.`,
      requestWaitUntilGuard: `This check is always false: ${NO_WAIT_UNTIL}, so the code it guards never runs and work handed off there is silently dropped. Use {{use}}.`,
      requestWaitUntilRead: `\`{{lookup}}\` is undefined: ${NO_WAIT_UNTIL}, so nothing handed to it is kept alive. Use {{use}}.`,
      useKeeper: "Hand it to `{{callee}}(...)`, the host's own keeper.",
      useApiWaitUntil: 'Hand it to `{{callee}}(...)` from the functions API.',
    },
  },
  defaultOptions: [],
  create(context) {
    return { ...apiChecks(context), ...requestChecks(context) };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** Calls of the API's `waitUntil`. */
function apiChecks(context: Context): TSESLint.RuleListener {
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
}

/** `waitUntil` looked up on the platform's request in a handler (./utils/request-wait-until.ts). */
function requestChecks(context: Context): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  if (!sourceCode.text.includes(WAIT_UNTIL)) return {};
  const handlers = getRequestHandlers(sourceCode, context.filename);
  if (!handlers.mayHandleRequests) return {};

  /** The handler's own keeper when `at` sees it from that handler (`event.waitUntil` of middleware). */
  const keeperFor = (found: RequestWaitUntil, at: TSESTree.Node): string | undefined =>
    handlers.enclosingHandler(at) === found.request.handler ? handlers.keeperAt(at) : undefined;

  const suggestions = (found: RequestWaitUntil, keeper: string | undefined): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
    const call = found.call;
    const [arg, ...rest] = call?.node.arguments ?? [];
    if (!call || !arg || rest.length > 0 || arg.type === AST_NODE_TYPES.SpreadElement) return [];
    const argument = sourceCode.getText(arg);
    const out: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
    if (keeper) out.push({ messageId: 'useKeeper', data: { callee: keeper }, fix: (fixer) => fixer.replaceText(call.outer, `${keeper}(${argument})`) });
    const plan = planApiImport(context, WAIT_UNTIL, call.outer);
    out.push({
      messageId: 'useApiWaitUntil',
      data: { callee: plan.expression },
      fix: (fixer) => [...plan.fixes(fixer), fixer.replaceText(call.outer, `${plan.expression}(${argument})`)],
    });
    return out;
  };

  const report = (found: RequestWaitUntil | undefined): void => {
    if (!found) return;
    const keeper = keeperFor(found, found.node);
    const module = chooseApiImportModule(sourceCode, context.filename, WAIT_UNTIL, getApiResolver(context).extraModules).module;
    const api = `\`${WAIT_UNTIL}(...)\` from \`${module}\``;
    context.report({
      node: found.node,
      messageId: REQUEST_MESSAGE[found.form],
      data: {
        lookup: found.lookup,
        handler: HANDLER_LABEL[found.request.shape.kind] ?? 'request handler',
        use: keeper ? `\`${keeper}(...)\` (the handler's own keeper) or ${api}` : api,
      },
      suggest: suggestions(found, keeper),
    });
  };

  return {
    MemberExpression: (node) => report(memberLookup(sourceCode, handlers, node)),
    BinaryExpression: (node) => report(inLookup(sourceCode, handlers, node)),
    ObjectPattern: (node) => report(patternLookup(sourceCode, handlers, node)),
  };
}
