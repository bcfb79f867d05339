/**
 * Rewrites shared by the transforms: replacing a found use of an API export, and dropping
 * the import bindings that no longer have any use afterwards.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { refersTo, type ModuleBinding, type ModuleUse } from './api-bindings.js';
import { type AnyNode, isReferenceIdentifier } from './ast.js';
import type { ImportEditor } from './imports.js';

/**
 * Replaces a use (`wu`, `fns.waitUntil`, `require('m').waitUntil`) with `replacement`
 * (an identifier name or a node). A shorthand property `{ wu }` becomes `{ wu: <new> }`.
 */
export function replaceUse(j: JSCodeshift, use: ModuleUse, replacement: string | AnyNode): void {
  const node = typeof replacement === 'string' ? j.identifier(replacement) : replacement;
  const path: ASTPath = use.path;
  const parent: AnyNode = path.parent?.node;
  if (parent && (parent.type === 'Property' || parent.type === 'ObjectProperty') && parent.shorthand && path.name === 'value') {
    parent.shorthand = false;
    parent.key = j.identifier(parent.key.name);
  }
  path.replace(node);
}

/** Whether anything in the file still references the binding's local name. */
export function bindingHasUses(j: JSCodeshift, root: Collection, binding: ModuleBinding): boolean {
  let used = false;
  root.find(j.Identifier, { name: binding.local }).forEach((p: ASTPath) => {
    if (used) return;
    const parent: AnyNode = p.parent?.node;
    // Type positions (`ns.Type`, `typeof x`) count as uses too.
    if (parent?.type === 'TSQualifiedName' && p.name === 'left') used = true;
    else if (parent?.type === 'TSTypeReference' && p.name === 'typeName') used = true;
    else if (isReferenceIdentifier(p) && refersTo(p, binding)) used = true;
  });
  return used;
}

/** Removes each binding that has no use left (and its import when it empties). */
export function removeUnusedBindings(
  j: JSCodeshift,
  root: Collection,
  editor: ImportEditor,
  bindings: readonly ModuleBinding[],
): number {
  let removed = 0;
  for (const b of bindings) {
    if (bindingHasUses(j, root, b)) continue;
    editor.removeBinding(b);
    removed++;
  }
  return removed;
}
