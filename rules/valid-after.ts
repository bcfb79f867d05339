/**
 * fn/valid-after: Next.js `after()` used the way Next.js accepts it. In a project whose
 * Next.js version has the export in use, flags `after()` at module scope, in a `'use client'`
 * file or in Pages Router files, `await after(…)`, an argument that is neither a function nor
 * a promise, and `headers()` / `cookies()` / `draftMode()` read inside the callback of a
 * Server Component's `after()`. Also flags `unstable_after` where `next/server` no longer
 * exports it (autofix to `after`), and on 15.0.x `unstable_after` without
 * `experimental.after` in next.config.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isNextServerModule, NEXT_FACTS } from '../lib/catalog.js';
import { isPagesRouterPath, isServerComponentFile } from '../lib/file-role.js';
import { readNextConfigFlag } from '../lib/next-config.js';
import { afterExportsOf, nextProjectDir } from '../lib/next-version.js';
import { requiredModule, resolveImported } from './utils/api-imports.js';
import { importedName, isAtModuleScope, isFunctionNode, propertyKey, unwrapTypeWrappers, type FunctionNode } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { getNextSupport } from './utils/next-support.js';
import { getPromiseDetector } from './utils/promises.js';
import { planHoist } from './utils/request-api-hoist.js';
import { getRequestHandlers } from './utils/request-handlers.js';
import { variableOf } from '../lib/estree/scope.js';
import { fixExportSpecifier, fixImportSpecifier, fixMember, fixRequireProperty } from './utils/unstable-after-fix.js';

type MessageIds =
  | 'moduleScope'
  | 'clientFile'
  | 'pagesRouter'
  | 'awaited'
  | 'removeAwait'
  | 'missingArgument'
  | 'notAFunctionOrPromise'
  | 'requestApiInCallback'
  | 'hoistRequestApi'
  | 'unstableAfterRemoved'
  | 'experimentalAfterMissing';

const AFTER_NAMES: ReadonlySet<string> = new Set([NEXT_FACTS.afterExport, NEXT_FACTS.unstableAfterExport]);
const REQUEST_APIS: ReadonlySet<string> = new Set(NEXT_FACTS.requestApis);
const CONFIG_FLAG = NEXT_FACTS.unstableAfterConfigFlag.join('.');

/** Expressions whose value is plainly not a function or a promise. */
function plainValueKind(node: TSESTree.Expression): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value === null ? 'null' : 'regex' in node ? 'a regular expression' : typeof node.value;
    case AST_NODE_TYPES.TemplateLiteral:
      return 'string';
    case AST_NODE_TYPES.ObjectExpression:
      return 'an object';
    case AST_NODE_TYPES.ArrayExpression:
      return 'an array';
    case AST_NODE_TYPES.ClassExpression:
      return 'a class';
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'void' ? 'undefined' : node.operator === '!' ? 'boolean' : node.operator === 'typeof' ? 'string' : undefined;
    case AST_NODE_TYPES.BinaryExpression:
      return ['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'instanceof'].includes(node.operator) ? 'boolean' : undefined;
    default:
      return undefined;
  }
}

export default createRule<[], MessageIds>({
  name: 'valid-after',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Next.js `after()` to be used where and how Next.js accepts it, under the export the installed version has',
      recommended: false,
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      moduleScope:
        '`{{name}}()` at module scope runs when the module loads, outside any request: Next.js throws "`after` was called outside a request scope". Call it inside the request handler, Server Component or Server Action.',
      clientFile:
        "`{{name}}()` in a `'use client'` file: `after` runs on the server only and cannot be bundled for the browser. Move the call to a Server Component, Server Action or Route Handler.",
      pagesRouter:
        '`{{name}}()` in a Pages Router file: `after` works only in App Router code (app/**, middleware, Server Actions). Use `waitUntil()` from the functions API in pages/api.',
      awaited:
        '`await {{name}}(...)` waits for nothing: `after` returns nothing at once and the task runs after the response. Drop `await`, or await the work itself if the response must wait for it.',
      removeAwait: 'Remove `await`.',
      missingArgument: '`{{name}}()` needs the task to run after the response: a callback or a promise.',
      notAFunctionOrPromise: '`{{name}}()` gets {{kind}} here: it takes a callback or a promise, and anything else is never run.',
      requestApiInCallback:
        '`{{api}}()` inside the `after()` callback of a Server Component: Next.js throws there, because a page must read request data while it renders. Read it before `after()` and use the value in the callback (Route Handlers and Server Actions may read it inside `after`).',
      hoistRequestApi: 'Read `{{api}}()` into `{{name}}` before `after()`.',
      unstableAfterRemoved:
        '`next/server` of Next.js {{version}} no longer exports `unstable_after` (it became `after` in {{stableFrom}}): the build fails. Import `after`.',
      experimentalAfterMissing:
        '`unstable_after()` on Next.js {{version}} throws unless next.config sets `' + CONFIG_FLAG + ': true`{{where}}. Enable the flag, or upgrade to Next.js {{stableFrom}} and use `after`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    if (!sourceCode.text.includes(NEXT_FACTS.afterModule)) return {};
    const next = getNextSupport(context).next;
    if (!next) return {};
    const exports = afterExportsOf(next.version);
    if (exports.length === 0) return {};
    const unstableRemoved = !exports.includes(NEXT_FACTS.unstableAfterExport);
    const unstableNeedsFlag = exports.includes(NEXT_FACTS.unstableAfterExport);
    const handlers = getRequestHandlers(sourceCode, context.filename);
    const pagesRouter = isPagesRouterPath(context.filename);
    const serverComponentFile = !handlers.clientFile && isServerComponentFile(context.filename);

    /** The export an `after` callee stands for, when it is one of next/server's after exports. */
    const afterExportOf = (callee: TSESTree.Node): string | undefined => {
      const ref = resolveImported(sourceCode, callee);
      return ref && isNextServerModule(ref.module) && AFTER_NAMES.has(ref.name) ? ref.name : undefined;
    };

    /** `unstable_after` on a version that replaced it counts too: after the fix it is `after`. */
    const usageChecked = (name: string): boolean =>
      exports.includes(name) || (name === NEXT_FACTS.unstableAfterExport && exports.includes(NEXT_FACTS.afterExport));

    const reportRemoved = (node: TSESTree.Node, fix: Parameters<typeof context.report>[0]['fix']): void => {
      context.report({ node, messageId: 'unstableAfterRemoved', data: { version: next.version, stableFrom: NEXT_FACTS.afterStableFrom }, fix });
    };

    let flagReported = false;
    const checkConfigFlag = (node: TSESTree.Node): void => {
      if (!unstableNeedsFlag || flagReported) return;
      const dir = nextProjectDir(next);
      if (!dir || readNextConfigFlag(dir, NEXT_FACTS.unstableAfterConfigFlag) !== 'off') return;
      flagReported = true;
      context.report({
        node,
        messageId: 'experimentalAfterMissing',
        data: { version: next.version, stableFrom: NEXT_FACTS.afterStableFrom, where: ` (in ${dir})` },
      });
    };

    /** An `unstable_after` binding or member: removed, or in need of the config flag. */
    const onUnstable = (node: TSESTree.Node, fix: Parameters<typeof context.report>[0]['fix']): void => {
      if (unstableRemoved) reportRemoved(node, fix);
      else checkConfigFlag(node);
    };

    const afterCalls: { call: TSESTree.CallExpression; callback: FunctionNode | undefined }[] = [];
    const requestReads: { call: TSESTree.CallExpression; api: string }[] = [];

    /** The function an `after(x)` argument runs: inline, or a local function passed by name. */
    const callbackOf = (arg: TSESTree.Node | undefined): FunctionNode | undefined => {
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const value = unwrapTypeWrappers(arg);
      if (isFunctionNode(value)) return value;
      if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
      const def = variableOf(sourceCode, value)?.defs[0];
      if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
      if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init) {
        const init = unwrapTypeWrappers(def.node.init);
        return isFunctionNode(init) ? init : undefined;
      }
      return undefined;
    };

    const checkArgument = (call: TSESTree.CallExpression, name: string): void => {
      const [arg] = call.arguments;
      if (!arg) {
        context.report({ node: call, messageId: 'missingArgument', data: { name } });
        return;
      }
      if (arg.type === AST_NODE_TYPES.SpreadElement) return;
      const value = unwrapTypeWrappers(arg);
      if (isFunctionNode(value)) return;
      const detector = getPromiseDetector(context);
      if (detector.isFunctionValue(arg) || detector.isPromise(arg)) return;
      const isUndefined = value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined' && !variableOf(sourceCode, value)?.defs.length;
      const kind = isUndefined ? 'undefined' : (plainValueKind(value) ?? (detector.typed ? detector.nonPromiseType(arg) : undefined));
      if (kind === undefined) return;
      const described = /^(?:an? |null$|undefined$)/.test(kind) ? kind : `a value of type \`${kind}\``;
      context.report({ node: arg, messageId: 'notAFunctionOrPromise', data: { name, kind: described } });
    };

    const checkCall = (call: TSESTree.CallExpression, exportName: string): void => {
      const name = exportName;
      if (handlers.clientFile) context.report({ node: call, messageId: 'clientFile', data: { name } });
      else if (pagesRouter) context.report({ node: call, messageId: 'pagesRouter', data: { name } });
      else if (isAtModuleScope(call)) context.report({ node: call, messageId: 'moduleScope', data: { name } });

      const outer = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
      if (outer.parent?.type === AST_NODE_TYPES.AwaitExpression) {
        const awaitNode = outer.parent;
        context.report({
          node: awaitNode,
          messageId: 'awaited',
          data: { name },
          suggest: [{ messageId: 'removeAwait', fix: (fixer) => fixer.replaceText(awaitNode, sourceCode.getText(awaitNode.argument)) }],
        });
      }
      checkArgument(call, name);
    };

    /** Whether request APIs may not be read in this after() callback: a Server Component renders it. */
    const inServerComponent = (call: TSESTree.CallExpression): boolean => {
      if (!serverComponentFile) return false;
      const handler = handlers.enclosingHandler(call);
      return handler === undefined || handlers.kindOf(handler) !== 'server-action';
    };

    const reportRequestReads = (): void => {
      const byCallback = new Map<FunctionNode, TSESTree.CallExpression>();
      for (const { call, callback } of afterCalls) if (callback && inServerComponent(call) && !byCallback.has(callback)) byCallback.set(callback, call);
      if (byCallback.size === 0) return;
      for (const { call: read, api } of requestReads) {
        for (let n: TSESTree.Node | undefined = read.parent; n; n = n.parent) {
          const afterCall = isFunctionNode(n) ? byCallback.get(n) : undefined;
          if (!afterCall) continue;
          const inline = afterCall.arguments[0] !== undefined && unwrapTypeWrappers(afterCall.arguments[0]) === n;
          const plan = inline ? planHoist(sourceCode, read, api, afterCall) : undefined;
          context.report({
            node: read,
            messageId: 'requestApiInCallback',
            data: { api },
            suggest: plan ? [{ messageId: 'hoistRequestApi', data: { api, name: plan.name }, fix: (fixer) => plan.fix(fixer) }] : [],
          });
          break;
        }
      }
    };

    return {
      ImportDeclaration(node) {
        if (!isNextServerModule(node.source.value) || node.importKind === 'type') return;
        for (const spec of node.specifiers) {
          if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind !== 'type' && importedName(spec) === NEXT_FACTS.unstableAfterExport) {
            onUnstable(spec, (fixer) => fixImportSpecifier(sourceCode, fixer, spec));
          }
        }
      },
      ExportNamedDeclaration(node) {
        if (!isNextServerModule(node.source?.value) || node.exportKind === 'type' || !unstableRemoved) return;
        for (const spec of node.specifiers) {
          const local = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local.name : spec.local.value;
          if (local === NEXT_FACTS.unstableAfterExport && spec.exportKind !== 'type') {
            reportRemoved(spec, (fixer) => fixExportSpecifier(sourceCode, fixer, spec));
          }
        }
      },
      VariableDeclarator(node) {
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !isNextServerModule(requiredModule(node.init))) return;
        for (const prop of node.id.properties) {
          if (prop.type === AST_NODE_TYPES.Property && propertyKey(prop) === NEXT_FACTS.unstableAfterExport) {
            onUnstable(prop, prop.computed ? null : (fixer) => fixRequireProperty(sourceCode, fixer, prop));
          }
        }
      },
      MemberExpression(node) {
        const ref = resolveImported(sourceCode, node);
        if (!ref || !isNextServerModule(ref.module) || ref.name !== NEXT_FACTS.unstableAfterExport) return;
        onUnstable(node, (fixer) => fixMember(sourceCode, fixer, node));
      },
      CallExpression(node) {
        const exportName = afterExportOf(node.callee);
        if (exportName) {
          if (usageChecked(exportName)) {
            checkCall(node, exportName);
            afterCalls.push({ call: node, callback: callbackOf(node.arguments[0]) });
          }
          return;
        }
        const ref = resolveImported(sourceCode, node.callee);
        if (ref?.module === NEXT_FACTS.headersModule && REQUEST_APIS.has(ref.name)) requestReads.push({ call: node, api: ref.name });
      },
      'Program:exit': reportRequestReads,
    };
  },
});
