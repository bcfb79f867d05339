/**
 * await-oidc-token: `getVercelOidcToken()` (a Promise of the token) used as the token ->
 * `await getVercelOidcToken()` in the body of an async function, else
 * `getVercelOidcTokenSync()` (imported next to the async getter, which is dropped when
 * nothing else uses it). The cases of fn/no-unawaited-oidc-token's autofix without type
 * information:
 *
 *   `Bearer ${getVercelOidcToken()}`, 'Bearer ' + getVercelOidcToken(), getVercelOidcToken().length,
 *   { authorization: getVercelOidcToken() }, sign(getVercelOidcToken()), <p>{getVercelOidcToken()}</p>
 *   const t = getVercelOidcToken(); … `${t}` …      (the local's other uses are `await t`)
 *
 * Left alone: awaited, returned, yielded, `.then/.catch/.finally`, `Promise.all([...])` and the
 * other combinators, `void`, statement-level calls, `x = getVercelOidcToken()` into a plain
 * variable, and the getter passed as a function. A local used both as a promise and as the
 * token is reported, not changed.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { mentionsApiModule, OIDC_FACTS } from '../lib/catalog.js';
import { findApiUses, isCallee, type ModuleBinding, type ModuleUse } from './utils/api-bindings.js';
import { getProjectIndex } from '../lib/project-index/index.js';
import { importsAnything } from './utils/source-text.js';
import { ensureApiImport } from './utils/api-import.js';
import { type AnyNode, memberPropertyName } from './utils/ast.js';
import type { TransformMeta } from './utils/contract.js';
import { canAwaitAt } from './utils/eval-context.js';
import { reportAt } from './utils/report.js';
import { removeUnusedBindings, replaceUse } from './utils/rewrite.js';
import { isGlobalAt, scopeOf } from './utils/scope.js';
import { parseExpression } from './utils/snippets.js';
import { PROMISE_ACCEPTING_STATICS, PROMISE_CHAIN_METHODS, PROMISE_TAKING_FUNCTIONS } from '../lib/promise-facts.js';
import { FileRewrite, rewriteTransform } from './utils/file-rewrite.js';

const ASYNC_GETTER = OIDC_FACTS.asyncGetter;
const SYNC_GETTER = OIDC_FACTS.syncGetter;

export const meta: TransformMeta = {
  name: 'await-oidc-token',
  description: `Unawaited ${ASYNC_GETTER}() used as the token -> await it, or ${SYNC_GETTER}() outside async code`,
  textFilter: (source, options) => source.includes(ASYNC_GETTER) && (mentionsApiModule(source, options.runtimeModules) || importsAnything(source)),
};

const PASS_THROUGH: ReadonlySet<string> = new Set([
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
  'ChainExpression',
  'ParenthesizedExpression',
  'LogicalExpression',
]);

/**
 * How the value at a path is used: as a promise (awaited, returned, chained, combined,
 * discarded), as the token (`string`: templates, concatenation, members, arguments, property
 * values), or stored in a local (`variable`), whose uses decide.
 */
type Use = { kind: 'promise' } | { kind: 'string' } | { kind: 'variable'; declarator: ASTPath };

/** The field of its parent a path sits in (`arguments` for an argument, not its index). */
function fieldOf(path: ASTPath): string {
  return typeof path.name === 'number' ? String(path.parentPath?.name) : String(path.name);
}

function isPromiseTakingCall(path: ASTPath): boolean {
  const callee: AnyNode = (path.node as AnyNode).callee;
  const calleePath = (path as AnyNode).get('callee') as ASTPath;
  if (callee.type === 'Identifier') return PROMISE_TAKING_FUNCTIONS.has(callee.name as string);
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return false;
  const name = memberPropertyName(callee);
  return (
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Promise' &&
    isGlobalAt(calleePath, 'Promise') &&
    name !== undefined &&
    PROMISE_ACCEPTING_STATICS.has(name)
  );
}

function classifyUse(path: ASTPath): Use {
  let current = path;
  for (let parentPath = current.parent as ASTPath | null; parentPath; current = parentPath, parentPath = parentPath.parent as ASTPath | null) {
    const parent: AnyNode = parentPath.node;
    const field = fieldOf(current);
    if (PASS_THROUGH.has(parent.type as string)) continue;
    switch (parent.type) {
      case 'ConditionalExpression':
        if (field === 'test') return { kind: 'string' }; // a promise is always truthy
        continue;
      case 'SequenceExpression':
        if (current.name === parent.expressions.length - 1) continue;
        return { kind: 'promise' };
      case 'AwaitExpression':
      case 'ReturnStatement':
      case 'YieldExpression':
      case 'ExpressionStatement':
      case 'ArrayExpression':
        return { kind: 'promise' };
      case 'ArrowFunctionExpression':
        return field === 'body' ? { kind: 'promise' } : { kind: 'string' };
      case 'UnaryExpression':
        return parent.operator === 'void' || parent.operator === 'typeof' ? { kind: 'promise' } : { kind: 'string' };
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = field === 'object' ? memberPropertyName(parent) : undefined;
        return name !== undefined && PROMISE_CHAIN_METHODS.has(name) ? { kind: 'promise' } : { kind: 'string' };
      }
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        if (field === 'callee') return { kind: 'string' };
        return isPromiseTakingCall(parentPath) ? { kind: 'promise' } : { kind: 'string' };
      case 'VariableDeclarator':
        if (field === 'init' && parent.id.type === 'Identifier') return { kind: 'variable', declarator: parentPath };
        return { kind: 'string' }; // destructuring a promise
      case 'AssignmentExpression':
        // `x = p` into a plain variable is not followed (as in the rule).
        return parent.left.type === 'Identifier' ? { kind: 'promise' } : { kind: 'string' };
      default:
        return { kind: 'string' };
    }
  }
  return { kind: 'promise' };
}

/** The references of the variable a declarator declares (same scope), without the declaration. */
function referencesOf(j: JSCodeshift, declarator: ASTPath): ASTPath[] {
  const id: AnyNode = (declarator.node as AnyNode).id;
  const scope = scopeOf(declarator);
  if (!scope) return [];
  return j(scope.path as ASTPath)
    .find(j.Identifier, { name: id.name })
    .filter((p: ASTPath) => p.node !== id && isValueIdentifier(p) && scopeOf(p)?.lookup(id.name) === scope)
    .paths();
}

function isValueIdentifier(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  const field = fieldOf(path);
  if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && field === 'property') return parent.computed === true;
  if ((parent?.type === 'Property' || parent?.type === 'ObjectProperty') && field === 'key') return parent.computed === true || parent.shorthand === true;
  if (parent?.type === 'TSTypeReference' || parent?.type === 'TSQualifiedName' || parent?.type === 'TSPropertySignature') return false;
  return true;
}

function isWrite(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  return (parent?.type === 'AssignmentExpression' && fieldOf(path) === 'left') || parent?.type === 'UpdateExpression';
}

class AwaitOidcRewrite extends FileRewrite {
  private readonly touched = new Set<ModuleBinding>();

  run(): void {
    const project = { file: this.file.path, index: getProjectIndex({ enabled: true, runtimeModules: this.options.runtimeModules }) };
    const { uses } = findApiUses(this.j, this.root, [ASYNC_GETTER], this.options.runtimeModules, project);
    for (const use of uses) {
      if (!isCallee(use.path)) continue;
      const callPath = use.path.parent as ASTPath;
      const use_ = classifyUse(callPath);
      if (use_.kind === 'string') this.fix(use, callPath);
      else if (use_.kind === 'variable') this.checkVariable(use, callPath, use_.declarator);
    }
    if (this.touched.size > 0) removeUnusedBindings(this.j, this.root, this.editor, [...this.touched]);
  }

  /** `const t = getVercelOidcToken()`: fix the call when `t` is used as the token and otherwise only awaited. */
  private checkVariable(use: ModuleUse, callPath: ASTPath, declarator: ASTPath): void {
    let misused = false;
    let reassigned = false;
    let promiseUse = false;
    for (const ref of referencesOf(this.j, declarator)) {
      if (isWrite(ref)) {
        reassigned = true; // the promise may not be the only value
        continue;
      }
      const refUse = classifyUse(ref);
      if (refUse.kind === 'string') misused = true;
      // `await t` still works once `t` holds the token; anything else relying on the promise would break.
      else if ((ref.parent?.node as AnyNode)?.type !== 'AwaitExpression') promiseUse = true;
    }
    if (!misused) return;
    const name: string = (declarator.node as AnyNode).id.name;
    if (reassigned || promiseUse) {
      const why = reassigned ? 'is reassigned' : 'is used both as a promise and as the token';
      reportAt(this.options, callPath.node, `\`${name}\` holds the Promise from ${ASYNC_GETTER}() and ${why}; fix it by hand`);
      return;
    }
    this.fix(use, callPath);
  }

  private fix(use: ModuleUse, callPath: ASTPath): void {
    if (canAwaitAt(callPath)) {
      // `getVercelOidcToken()!` asserts on the promise; awaited, the `!` has nothing to do.
      let target = callPath;
      while ((target.parent?.node as AnyNode)?.type === 'TSNonNullExpression') target = target.parent as ASTPath;
      target.replace(this.j.awaitExpression(callPath.node as AnyNode));
      this.changed = true;
      return;
    }
    const callee: AnyNode = use.path.node;
    if (callee.type !== 'Identifier') {
      // `oidc.getVercelOidcToken()` / `require('m')['getVercelOidcToken']()`: same object, sync name.
      callee.property = this.j.identifier(SYNC_GETTER);
      callee.computed = false;
      this.changed = true;
      return;
    }
    const binding = use.binding;
    if (!binding) return;
    // Next to the async getter's import; an existing sync getter import is reused where nothing hides it.
    const local = ensureApiImport(this.editor, this.root, SYNC_GETTER, this.options.runtimeModules, binding.module, use.path);
    replaceUse(this.j, use, parseExpression(this.j, local));
    this.touched.add(binding);
    this.changed = true;
  }
}

export default rewriteTransform((j, root, file, options) => new AwaitOidcRewrite(j, root, file, options));
