/**
 * Scope questions for the jscodeshift AST flavour (ast-types' scope tracking): where a name
 * is declared, whether a local is ever reassigned, and whether an import's local name can
 * be written at a given place without an inner binding shadowing it. Every scope is reached
 * through `scopeOf`.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from './ast.js';

const patchedScopes = new WeakSet<object>();

/**
 * ast-types 0.16 throws "null does not match type Pattern" when it scans the scope of a
 * `catch {}` without a binding (ES2019), which every look-up from inside one does. Such a
 * scope binds nothing: its scan is made to say so. Patched once per Scope class.
 */
function tolerateOptionalCatchBinding(scope: AnyNode): void {
  const proto = Object.getPrototypeOf(scope) as AnyNode | null;
  if (!proto || patchedScopes.has(proto) || typeof proto.scan !== 'function') return;
  patchedScopes.add(proto);
  const scan = proto.scan as (this: AnyNode, force?: boolean) => void;
  proto.scan = function (this: AnyNode, force?: boolean): void {
    const node = this.node;
    if (node?.type !== 'CatchClause' || node.param != null) return scan.call(this, force);
    if (!force && this.didScan) return;
    for (const name of Object.keys(this.bindings)) delete this.bindings[name];
    for (const name of Object.keys(this.types ?? {})) delete this.types[name];
    this.didScan = true;
  };
}

/** The ast-types scope of `path` (see tolerateOptionalCatchBinding). */
export function scopeOf(path: ASTPath | null | undefined): AnyNode {
  const scope: AnyNode = (path as AnyNode)?.scope;
  if (scope) tolerateOptionalCatchBinding(scope);
  return scope;
}

/** The path of the identifier that declares `name` as seen from `path`; undefined for globals. */
export function declarationOf(path: ASTPath, name: string): ASTPath | undefined {
  const scope = scopeOf(path)?.lookup(name);
  const paths: ASTPath[] | undefined = scope?.getBindings()[name];
  return paths?.[0];
}

/** Whether `name` at `path` is a global (declared nowhere in the file). */
export function isGlobalAt(path: ASTPath, name: string): boolean {
  return !scopeOf(path)?.lookup(name);
}

/**
 * Whether the local expression `local` (`after`, `fns.waitUntil`) refers, at `path`, to the
 * module-level binding it names: its first name is declared at module scope or nowhere.
 * This is THE visibility check for reusing or adding an import binding (ImportEditor.ensure
 * with `at`, and the transforms that leave a hidden site with a note). A `type` local (an
 * imported type) must not be hidden by an inner type alias or interface either.
 */
export function isVisibleAt(path: ASTPath, local: string, kind: 'value' | 'type' = 'value'): boolean {
  const root = local.split('.')[0] ?? local;
  const scope: AnyNode = scopeOf(path);
  const visible = (found: AnyNode): boolean => !found || found.isGlobal === true;
  if (!visible(scope?.lookup(root))) return false;
  return kind === 'value' || visible(scope?.lookupType?.(root));
}

/**
 * Whether the binding of `name` declared in the scope of `scopeNode` is assigned anywhere
 * besides its declaration (`x = …`, `x += …`, `x++`, destructuring assignment).
 */
export function isReassigned(j: JSCodeshift, root: Collection, name: string, scopeNode: AnyNode): boolean {
  let reassigned = false;
  root.find(j.Identifier, { name }).forEach((p: ASTPath) => {
    if (reassigned || !isWritten(p)) return;
    if (scopeOf(p)?.lookup(name)?.node === scopeNode) reassigned = true;
  });
  return reassigned;
}

const PATTERN_PARTS: ReadonlySet<string> = new Set(['ObjectPattern', 'ArrayPattern', 'AssignmentPattern', 'RestElement', 'Property', 'ObjectProperty']);

/** Whether the identifier at `path` is assigned to (outside a declaration). */
function isWritten(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  if (!parent) return false;
  if (parent.type === 'UpdateExpression') return true;
  if (parent.type === 'AssignmentExpression') return path.name === 'left';
  if (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') return path.name === 'left';
  if ((parent.type === 'Property' || parent.type === 'ObjectProperty') && (path.name !== 'value' || path.parent?.parent?.node?.type !== 'ObjectPattern')) {
    return false;
  }
  if (parent.type === 'AssignmentPattern' && path.name !== 'left') return false;
  if (!PATTERN_PARTS.has(parent.type as string)) return false;
  // Climb out of the pattern: an assignment (or for-in/of) target is a write, a declaration is not.
  let child: ASTPath = path;
  let current: ASTPath | null = path.parent;
  while (current && PATTERN_PARTS.has((current.node as AnyNode).type as string)) {
    child = current;
    current = current.parent;
  }
  const owner: AnyNode = current?.node;
  if (owner?.type === 'AssignmentExpression') return child.name === 'left';
  if (owner?.type === 'ForInStatement' || owner?.type === 'ForOfStatement') return child.name === 'left';
  return false;
}
