/**
 * fn/no-floating-background-promise: inside request-handling code, a promise must be
 * awaited, returned, or handed to `waitUntil()`/`after()` (or the host's own keeper);
 * otherwise the platform may freeze or end the function once the response is sent and the
 * work is lost. `void p` and `p.catch(...)` handle the rejection but keep nothing alive.
 *
 * Request-handling code is a handler (utils/request-handlers.ts) and every module-level
 * function of the file a handler calls, directly or through other helpers (reported where
 * the promise is, naming the handler). A call of an imported function that drops work it
 * starts is reported at the call (the project index names where the work is dropped).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { dirname, relative } from 'node:path';
import { nearestManifest } from '../lib/dependencies/manifest.js';
import { NEXT_FACTS } from '../lib/catalog.js';
import { canAwaitAt, isFunctionNode, isTightExpression, unwrapTypeWrappers, type FunctionNode } from '../lib/estree/ast.js';
import { droppedPromises, type DroppedPromise } from '../lib/estree/dropped.js';
import { isGlobalName, isValueUsedElsewhere } from '../lib/estree/scope.js';
import { createRule } from './utils/create-rule.js';
import { functionLabel, isModuleLevelFunction } from './utils/function-names.js';
import { planApiImport, planImport } from './utils/import-fixer.js';
import { afterExportAt, afterImportName } from './utils/next-support.js';
import { getPromiseDetector, promiseFunctionsSchema } from './utils/promises.js';
import { getRequestHandlers } from './utils/request-handlers.js';

type Options = [{ scope?: 'handlers' | 'all-functions'; promiseFunctions?: string[] }];
type MessageIds =
  | 'floating'
  | 'voided'
  | 'chained'
  | 'lazy'
  | 'unused'
  | 'dropsWork'
  | 'addAwait'
  | 'wrapKeeper'
  | 'wrapWaitUntil'
  | 'wrapAfter';

type Descriptor = TSESLint.ReportDescriptor<MessageIds>;
type Suggestions = TSESLint.SuggestionReportDescriptor<MessageIds>[];

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
        'This promise{{where}} is neither awaited, returned, nor handed to `waitUntil()`/`after()`: once the response is sent the platform may freeze or end the function and the work is lost.',
      voided:
        '`void` only silences the promise{{where}}: the platform may still freeze or end the function once the response is sent. Await it or hand it to `waitUntil()`/`after()`.',
      chained:
        '`.{{method}}()` handles the outcome{{where}} but keeps nothing alive: once the response is sent the platform may freeze or end the function. Await the chain or hand it to `waitUntil()`/`after()`.',
      lazy:
        'This query{{where}} is lazy: it runs only when it is awaited or `.then`-ed, so {{how}} the work never runs. Await it or hand it to `waitUntil()`/`after()`.',
      unused:
        "The promise in `{{name}}`{{where}} is never awaited, returned, or handed to `waitUntil()`/`after()`: once the response is sent the platform may freeze or end the function and the work is lost.",
      dropsWork:
        '`{{callee}}()`{{where}} starts background work that it never awaits, returns or hands off ({{spot}}): once the response is sent the platform may freeze or end the function and the work is lost. Await or hand off that work in `{{callee}}`.',
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
    const syntax = detector.syntax;
    // Paths in messages are relative to the linted file's package (what the user sees in the repository).
    const projectRoot = (): string => {
      const manifest = nearestManifest(context.filename);
      return manifest ? dirname(manifest) : context.cwd;
    };

    /** Builds a report for a finding; `handler` is the handler whose request the code runs in (for a helper, the one that calls it). */
    type Finding = (where: string, handler: FunctionNode | undefined) => Descriptor;

    /** For each function entered: whether it counts as request-handling code. */
    const inScope: boolean[] = [];
    let depth = 0;
    /** The module-level function being walked outside any handler (a helper candidate), if any. */
    let helper: FunctionNode | undefined;
    /** Checks of helper candidates' statements, run at the end for the helpers a handler reaches. */
    const pending = new Map<FunctionNode, (() => void)[]>();
    /** While pending checks run: the helper's description and the handler that reaches it. */
    let reachedVia: { where: string; handler: FunctionNode } | undefined;
    const moduleFunctionNames = topLevelFunctionNames(sourceCode.ast);
    /** Calls of module-level functions: from a handler (key undefined: the handler is in the edge) or from a helper. */
    const handlerCalls: { handler: FunctionNode; callee: FunctionNode }[] = [];
    const helperCalls = new Map<FunctionNode, Set<FunctionNode>>();

    const emit = (finding: Finding, at: TSESTree.Node): void => {
      if (reachedVia) context.report(finding(reachedVia.where, reachedVia.handler));
      else context.report(finding('', handlers.enclosingHandler(at)));
    };

    /** Runs `check` now in handler code; in a helper candidate, later, and only if a handler calls it. */
    const checkOrDefer = (check: () => void): void => {
      if (depth > 0) check();
      else if (helper) {
        const list = pending.get(helper) ?? [];
        list.push(check);
        pending.set(helper, list);
      }
    };

    const wrapperSuggestions = (
      at: TSESTree.Node,
      handler: FunctionNode | undefined,
      build: (fixer: TSESLint.RuleFixer, callee: string) => TSESLint.RuleFix,
    ): Suggestions => {
      const out: Suggestions = [];
      const keeper = handlers.keeperAt(at);
      if (keeper) out.push({ messageId: 'wrapKeeper', data: { callee: keeper }, fix: (fixer) => build(fixer, keeper) });
      const waitUntilPlan = planApiImport(context, 'waitUntil', at);
      out.push({
        messageId: 'wrapWaitUntil',
        data: { callee: waitUntilPlan.expression },
        fix: (fixer) => [...waitUntilPlan.fixes(fixer), build(fixer, waitUntilPlan.expression)],
      });
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

    /**
     * What a keeper gets for `text`: a lazy thenable is only PromiseLike (Supabase's builders
     * have no `catch`), which `waitUntil(promise: Promise<…>)` and `after` do not accept, so it is
     * handed over as `Promise.resolve(…)` (which also sends it) where `Promise` is the global.
     */
    const keeperArgument = (text: string, lazy: boolean, at: TSESTree.Node): string =>
      lazy && isGlobalName(sourceCode, at, 'Promise') ? `Promise.resolve(${text})` : text;

    /** Suggestions for a floating expression `target` whose promise is `inner` (`void inner`, or itself). */
    const expressionSuggestions = (target: TSESTree.Node, inner: TSESTree.Expression, handler: FunctionNode | undefined, lazy: boolean): Suggestions => {
      const text = sourceCode.getText(inner);
      const out: Suggestions = [];
      if (canAwaitAt(target)) {
        const operand = isTightExpression(inner) ? text : `(${text})`;
        out.push({ messageId: 'addAwait', fix: (fixer) => fixer.replaceText(target, `await ${operand}`) });
      }
      const argument = keeperArgument(inner.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text, lazy, target);
      out.push(...wrapperSuggestions(target, handler, (fixer, callee) => fixer.replaceText(target, `${callee}(${argument})`)));
      return out;
    };

    const droppedFinding = (dropped: DroppedPromise): Finding => (where, handler) => {
      const { target, inner } = dropped;
      const suggest = expressionSuggestions(target, inner, handler, dropped.lazy);
      if (dropped.lazy) return { node: target, messageId: 'lazy', data: { where, how: dropped.form === 'voided' ? '`void` does not send it and' : 'dropped here,' }, suggest };
      if (dropped.form === 'voided') return { node: target, messageId: 'voided', data: { where }, suggest };
      if (dropped.form === 'chained') return { node: target, messageId: 'chained', data: { where, method: dropped.method ?? 'then' }, suggest };
      return { node: target, messageId: 'floating', data: { where }, suggest };
    };

    /** `recordAudit(id);` (awaited or voided too) where the imported `recordAudit` drops work it starts. */
    const checkDropsWork = (statement: TSESTree.ExpressionStatement): void => {
      let expr = unwrapTypeWrappers(statement.expression);
      if (expr.type === AST_NODE_TYPES.AwaitExpression || (expr.type === AST_NODE_TYPES.UnaryExpression && expr.operator === 'void')) {
        expr = unwrapTypeWrappers(expr.argument);
      }
      if (expr.type !== AST_NODE_TYPES.CallExpression) return;
      const call = expr;
      const spot = syntax.calleeFacts(call.callee)?.dropsWork;
      // Dropped inside a handler of its own module: reported there already.
      if (!spot || spot.reportedThere) return;
      const callee = sourceCode.getText(call.callee);
      const where = `${relative(projectRoot(), spot.file) || spot.file}:${spot.line}`;
      emit((inWhere) => ({ node: call, messageId: 'dropsWork', data: { callee, where: inWhere, spot: where } }), call);
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
      emit((where, handler) => {
        const suggest: Suggestions = [];
        if (canAwaitAt(node)) {
          const operand = isTightExpression(init) ? sourceCode.getText(init) : `(${sourceCode.getText(init)})`;
          suggest.push({ messageId: 'addAwait', fix: (fixer) => fixer.replaceText(init, `await ${operand}`) });
        }
        const container = declaration.parent;
        if (container.type === AST_NODE_TYPES.BlockStatement || container.type === AST_NODE_TYPES.SwitchCase) {
          const line = sourceCode.lines[declaration.loc.start.line - 1] ?? '';
          const indent = /^\s*/.exec(line)?.[0] ?? '';
          const argument = keeperArgument(id.name, detector.kindOf(init) === 'lazy', declaration);
          suggest.push(
            ...wrapperSuggestions(declaration, handler, (fixer, callee) => fixer.insertTextAfter(declaration, `\n${indent}${callee}(${argument});`)),
          );
        }
        return { node: id, messageId: 'unused', data: { name: id.name, where }, suggest };
      }, node);
    };

    const enter = (fn: FunctionNode): void => {
      const counts = allFunctions || handlers.isRequestHandler(fn);
      inScope.push(counts);
      if (counts) depth++;
      else if (depth === 0 && !helper && isModuleLevelFunction(fn)) helper = fn;
    };
    const exit = (fn: FunctionNode): void => {
      if (inScope.pop()) depth--;
      if (helper === fn) helper = undefined;
    };

    /** Module-level functions reached from a handler, each with the first handler that reaches it. */
    const reachedHelpers = (): Map<FunctionNode, FunctionNode> => {
      const reached = new Map<FunctionNode, FunctionNode>();
      const queue: FunctionNode[] = [];
      for (const { handler, callee } of handlerCalls) {
        if (!reached.has(callee)) {
          reached.set(callee, handler);
          queue.push(callee);
        }
      }
      while (queue.length > 0) {
        const from = queue.shift()!;
        for (const callee of helperCalls.get(from) ?? []) {
          if (reached.has(callee)) continue;
          reached.set(callee, reached.get(from)!);
          queue.push(callee);
        }
      }
      return reached;
    };

    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': exit,
      'FunctionExpression:exit': exit,
      'ArrowFunctionExpression:exit': exit,
      ExpressionStatement(node) {
        if ((depth === 0 && !helper) || node.directive !== undefined) return;
        checkOrDefer(() => {
          for (const dropped of droppedPromises(node.expression, detector.kindOf, (id) => isValueUsedElsewhere(sourceCode, id))) emit(droppedFinding(dropped), dropped.target);
          checkDropsWork(node);
        });
      },
      VariableDeclarator(node) {
        if (depth > 0 || helper) checkOrDefer(() => checkDeclarator(node));
      },
      CallExpression(node) {
        if (allFunctions || (depth === 0 && !helper)) return;
        const callee = unwrapTypeWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.Identifier || !moduleFunctionNames.has(callee.name)) return;
        const fn = syntax.localFunction(callee);
        if (!fn || !isModuleLevelFunction(fn) || handlers.isRequestHandler(fn)) return;
        if (depth > 0) {
          const handler = handlers.enclosingHandler(node);
          if (handler) handlerCalls.push({ handler, callee: fn });
        } else if (helper && fn !== helper) {
          const calls = helperCalls.get(helper) ?? new Set();
          calls.add(fn);
          helperCalls.set(helper, calls);
        }
      },
      'Program:exit'() {
        if (pending.size === 0) return;
        for (const [fn, handler] of reachedHelpers()) {
          reachedVia = { where: ` in \`${functionLabel(fn)}\` (called by ${describeHandler(handler)})`, handler };
          for (const check of pending.get(fn) ?? []) check();
        }
        reachedVia = undefined;
      },
    };
  },
});

/** Names of the module's top-level functions (declarations and `const f = () => …`), exported or not. */
function topLevelFunctionNames(program: TSESTree.Program): ReadonlySet<string> {
  const names = new Set<string>();
  for (const stmt of program.body) {
    const decl = stmt.type === AST_NODE_TYPES.ExportNamedDeclaration || stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration ? stmt.declaration : stmt;
    if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) names.add(decl.id.name);
    if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of decl.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.init) names.add(d.id.name);
    }
  }
  return names;
}

function describeHandler(fn: FunctionNode): string {
  return `\`${functionLabel(fn)}\``;
}
