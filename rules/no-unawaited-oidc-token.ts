/**
 * fn/no-unawaited-oidc-token: `getVercelOidcToken()` (a Promise) used where the token
 * string is meant. Autofix: `await` in async code, else the sync getter.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { OIDC_FACTS } from '../lib/catalog.js';
import { awaitNeedsParens, canAwaitAt, memberName } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { freeName, namesInUse, planApiImport } from './utils/import-fixer.js';
import { bindingRemoval, withOptionalFixes } from './utils/oidc-fixes.js';
import { getTokenSources } from './utils/oidc-sources.js';
import { variableOf } from '../lib/estree/scope.js';
import { typeServices } from './utils/type-services.js';
import { PROMISE_ACCEPTING_STATICS, PROMISE_CHAIN_METHODS, PROMISE_TAKING_FUNCTIONS } from '../lib/promise-facts.js';

type MessageId = 'unawaited' | 'unawaitedVariable';
type Fix = TSESLint.RuleFix;

/**
 * How a promise-valued expression is used:
 * - `promise`: as a promise (awaited, returned, `.then`, `Promise.all([...])`, discarded);
 * - `string`: as a value it is not (template, concatenation, `.length`, JSX, a test);
 * - `expected`: where a value of some type is expected (argument, property, member
 *   assignment): the type checker decides, else it counts as a string use;
 * - `variable`: stored in a local, whose uses decide.
 */
type Use =
  | { kind: 'promise' }
  | { kind: 'string' }
  | { kind: 'expected'; node: TSESTree.Node }
  | { kind: 'variable'; declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier } };


const messageData = { asyncGetter: OIDC_FACTS.asyncGetter, syncGetter: OIDC_FACTS.syncGetter };

function isPromiseTakingCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return PROMISE_TAKING_FUNCTIONS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return (
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    name !== undefined &&
    PROMISE_ACCEPTING_STATICS.has(name)
  );
}

/** How the value of `node` is used, looking through wrappers that pass it on unchanged. */
function classifyUse(node: TSESTree.Node): Use {
  let cur: TSESTree.Node = node;
  for (let parent = cur.parent; parent; cur = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.LogicalExpression:
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === cur) return { kind: 'string' }; // a promise is always truthy
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions[parent.expressions.length - 1] === cur) continue;
        return { kind: 'promise' };
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.ArrayExpression:
        return { kind: 'promise' };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === cur ? { kind: 'promise' } : { kind: 'string' };
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void' || parent.operator === 'typeof' ? { kind: 'promise' } : { kind: 'string' };
      case AST_NODE_TYPES.MemberExpression: {
        const name = parent.object === cur ? memberName(parent) : undefined;
        return name !== undefined && PROMISE_CHAIN_METHODS.has(name) ? { kind: 'promise' } : { kind: 'string' };
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee === cur) return { kind: 'string' };
        return isPromiseTakingCall(parent) ? { kind: 'promise' } : { kind: 'expected', node: cur };
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === cur && parent.id.type === AST_NODE_TYPES.Identifier) {
          return { kind: 'variable', declarator: parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier } };
        }
        return { kind: 'string' }; // destructuring a promise
      case AST_NODE_TYPES.AssignmentExpression:
        // `x = p` into a plain variable is not followed (documented limit).
        if (parent.left.type === AST_NODE_TYPES.Identifier) return { kind: 'promise' };
        return { kind: 'expected', node: cur };
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.AssignmentPattern:
      case AST_NODE_TYPES.PropertyDefinition:
        return { kind: 'expected', node: cur };
      default:
        return { kind: 'string' };
    }
  }
  return { kind: 'promise' };
}

export default createRule<[], MessageId>({
  name: 'no-unawaited-oidc-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow using the Promise from getVercelOidcToken() as if it were the token',
      recommended: true,
      requiresTypeChecking: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      unawaited:
        '{{asyncGetter}}() returns a Promise of the token, not the token: used like this it becomes "[object Promise]" or fails. Await it, or call {{syncGetter}}() outside async code.',
      unawaitedVariable:
        '`{{name}}` holds the Promise returned by {{asyncGetter}}(), not the token, and is used as the token. Await the call, or call {{syncGetter}}() outside async code.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sources = getTokenSources(context);
    if (!sources.mayCallGetter) return {};
    const sourceCode = context.sourceCode;
    const resolver = sources.resolver;
    const typed = typeServices(sourceCode);

    /** With type information: does the Promise fit the type expected at `at`? Without: no. */
    const promiseFits = (at: TSESTree.Node, call: TSESTree.CallExpression): boolean => {
      if (!typed) return false;
      const checker = typed.program.getTypeChecker();
      const expected = checker.getContextualType(typed.esTreeNodeToTSNodeMap.get(at) as ts.Expression);
      if (!expected) return true;
      const actual = checker.getTypeAtLocation(typed.esTreeNodeToTSNodeMap.get(call));
      return checker.isTypeAssignableTo(actual, expected);
    };

    /** Whether a use is a misuse (the promise standing in for the token). */
    const misused = (use: Use, call: TSESTree.CallExpression): boolean =>
      use.kind === 'string' || (use.kind === 'expected' && !promiseFits(use.node, call));

    /** Fix parts that turn `call` into the sync getter (callee and import). */
    const syncFixes = (fixer: TSESLint.RuleFixer, call: TSESTree.CallExpression): Fix[] | null => {
      const callee = call.callee;
      const ref = resolver.resolve(callee);
      if (!ref) return null;
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        if (ref.through) return null;
        // `oidc.getVercelOidcToken()` / `require('m').getVercelOidcToken()`: same object, sync name.
        return callee.computed
          ? [fixer.replaceText(callee, `${sourceCode.getText(callee.object)}.${OIDC_FACTS.syncGetter}`)]
          : [fixer.replaceText(callee.property, OIDC_FACTS.syncGetter)];
      }
      if (callee.type !== AST_NODE_TYPES.Identifier) return null;
      const variable = variableOf(sourceCode, callee);
      if (!variable) return null;
      const plan = planApiImport(context, OIDC_FACTS.syncGetter, callee);
      const planned = plan.fixes(fixer);
      // Through a project re-export: its module may not pass the sync getter on, so never rename that import.
      if (ref.through) return [fixer.replaceText(callee, plan.expression), ...planned];
      const onlyUse = variable.references.filter((r) => r.isRead()).length === 1;
      if (!onlyUse) return [fixer.replaceText(callee, plan.expression), ...planned];
      if (planned.length === 0) {
        // The sync getter is already imported: use it and drop the now-unused async import.
        const removal = bindingRemoval(sourceCode, variable);
        const main = [fixer.replaceText(callee, plan.expression)];
        return removal ? withOptionalFixes(main, [fixer.removeRange(removal.range)]) : main;
      }
      // The async getter's binding has no other use: rename it to the sync getter in place.
      return renameBinding(fixer, variable, callee);
    };

    const renameBinding = (
      fixer: TSESLint.RuleFixer,
      variable: TSESLint.Scope.Variable,
      callee: TSESTree.Identifier,
    ): Fix[] | null => {
      const def = variable.defs[0];
      if (!def) return null;
      const inUse = namesInUse(sourceCode);
      inUse.delete(variable.name);
      const local = freeName(inUse, [OIDC_FACTS.syncGetter, `${OIDC_FACTS.syncGetter}Fn`]);
      const same = local === OIDC_FACTS.syncGetter;
      if (def.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.ImportSpecifier) {
        return [
          fixer.replaceText(def.node, same ? local : `${OIDC_FACTS.syncGetter} as ${local}`),
          fixer.replaceText(callee, local),
        ];
      }
      const prop = def.name.parent;
      if (def.type === 'Variable' && prop?.type === AST_NODE_TYPES.Property && prop.value === def.name) {
        return [fixer.replaceText(prop, same ? local : `${OIDC_FACTS.syncGetter}: ${local}`), fixer.replaceText(callee, local)];
      }
      return null;
    };

    /** The whole fix for `call`: await it in async code, else switch to the sync getter. */
    const fixCall = (call: TSESTree.CallExpression) => (fixer: TSESLint.RuleFixer) => {
      if (canAwaitAt(call)) {
        const text = sourceCode.getText(call);
        return fixer.replaceText(call, awaitNeedsParens(call) ? `(await ${text})` : `await ${text}`);
      }
      return syncFixes(fixer, call);
    };

    const checkVariable = (call: TSESTree.CallExpression, declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) => {
      const variable = ASTUtils.findVariable(sourceCode.getScope(declarator), declarator.id);
      if (!variable) return;
      let anyMisuse = false;
      let fixable = variable.defs.length === 1;
      for (const ref of variable.references) {
        if (ref.init || !ref.isRead()) {
          if (!ref.init) fixable = false; // reassigned: the promise may not be the only value
          continue;
        }
        const use = classifyUse(ref.identifier);
        if (misused(use, call)) anyMisuse = true;
        // `await p` still works once `p` holds the token; anything else relying on the promise would break.
        else if (ref.identifier.parent?.type !== AST_NODE_TYPES.AwaitExpression) fixable = false;
      }
      if (!anyMisuse) return;
      context.report({
        node: call,
        messageId: 'unawaitedVariable',
        data: { ...messageData, name: declarator.id.name },
        fix: fixable ? fixCall(call) : null,
      });
    };

    return {
      CallExpression(node) {
        if (!sources.isAsyncGetterCall(node)) return;
        const use = classifyUse(node);
        if (use.kind === 'variable') {
          checkVariable(node, use.declarator);
          return;
        }
        if (misused(use, node)) context.report({ node, messageId: 'unawaited', data: messageData, fix: fixCall(node) });
      },
    };
  },
});
