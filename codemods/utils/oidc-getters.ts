/**
 * The OIDC token getters for the jscodeshift AST flavour: which calls in a file are calls
 * of the API's getters (through api-bindings), and the getter call that replaces a token
 * read at a given place (`await getVercelOidcToken()` in an async function body,
 * `getVercelOidcTokenSync()` anywhere else), with its import.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { OIDC_FACTS } from '../../lib/catalog.js';
import { findModuleUses, isCallee, type ModuleBinding } from './api-bindings.js';
import { ensureApiImport } from './api-import.js';
import { type AnyNode, unwrapExpression } from './ast.js';
import { canAwaitAt } from './eval-context.js';
import type { ImportEditor } from './imports.js';
import { parseExpression } from './snippets.js';

export type GetterName = typeof OIDC_FACTS.asyncGetter | typeof OIDC_FACTS.syncGetter;

/** Callee nodes of getter calls in the file, with the getter each one calls. */
export function getterCallees(
  j: JSCodeshift,
  root: Collection,
  bindings: readonly ModuleBinding[],
  runtimeModules: readonly string[],
): Map<AnyNode, GetterName> {
  const callees = new Map<AnyNode, GetterName>();
  const uses = findModuleUses(j, root, bindings, { names: [OIDC_FACTS.asyncGetter, OIDC_FACTS.syncGetter], runtimeModules });
  for (const use of uses) if (isCallee(use.path)) callees.set(use.path.node, use.exportName as GetterName);
  return callees;
}

/** Which getter a call node (unwrapped) calls, if it is a getter call without arguments. */
export function getterOfCall(node: AnyNode, callees: ReadonlyMap<AnyNode, GetterName>): GetterName | undefined {
  const call = unwrapExpression(node);
  if ((call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || call.arguments.length > 0) return undefined;
  return callees.get(call.callee);
}

/** Imports the getters on demand. */
export class GetterImports {
  constructor(
    private readonly j: JSCodeshift,
    private readonly root: Collection,
    private readonly editor: ImportEditor,
    private readonly runtimeModules: readonly string[],
  ) {}

  /** The expression for `getter` at `at`: an existing import no local hides there, else a new one. */
  local(getter: GetterName, at: ASTPath): string {
    return ensureApiImport(this.editor, this.root, getter, this.runtimeModules, undefined, at);
  }

  /** The getter the token read at `path` needs: awaited async getter, or the sync one. */
  static getterAt(path: ASTPath): GetterName {
    return canAwaitAt(path) ? OIDC_FACTS.asyncGetter : OIDC_FACTS.syncGetter;
  }

  /** `await <async getter>()` or `<sync getter>()`, for the place `path`. */
  callFor(path: ASTPath): { node: AnyNode; getter: GetterName; local: string } {
    const getter = GetterImports.getterAt(path);
    const local = this.local(getter, path);
    const call = this.j.callExpression(parseExpression(this.j, local), []);
    return { node: getter === OIDC_FACTS.asyncGetter ? this.j.awaitExpression(call) : call, getter, local };
  }
}
