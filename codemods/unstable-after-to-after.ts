/**
 * unstable-after-to-after: `unstable_after` from `next/server` -> the stable `after`, which
 * Next.js exports from 15.1.0 on (15.1 dropped `unstable_after`, so such code no longer
 * builds). Named, aliased, namespace / default-interop (`server.unstable_after(...)`),
 * `require` and `export ... from` forms. An aliased binding keeps its local name; an unaliased
 * one becomes `after` (merged into the file's `next/server` import), or `nextAfter` when a
 * local `after` is in the way. On 15.0.x and when no Next.js version is found the file is
 * skipped with a reason: there `unstable_after` is the only name that works.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { isNextServerModule, NEXT_FACTS } from '../lib/catalog.js';
import { afterSupport, findNextVersion } from '../lib/next-version.js';
import { collectModuleBindings, findModuleUses, type ModuleBinding, type ModuleUse } from './utils/api-bindings.js';
import { type AnyNode, memberPropertyName, requiredModule, stringValue } from './utils/ast.js';
import { skipFile, type TransformMeta } from './utils/contract.js';
import { FileRewrite, rewriteTransform } from './utils/file-rewrite.js';
import { replaceUse } from './utils/rewrite.js';
import { isVisibleAt } from './utils/scope.js';

const MODULE = NEXT_FACTS.afterModule;
const UNSTABLE = NEXT_FACTS.unstableAfterExport;
const STABLE = NEXT_FACTS.afterExport;

export const meta: TransformMeta = {
  name: 'unstable-after-to-after',
  description: `unstable_after from ${MODULE} -> after (Next.js >= ${NEXT_FACTS.afterStableFrom}, which no longer exports unstable_after)`,
  textFilter: (source) => source.includes(UNSTABLE) && source.includes(MODULE),
};

class UnstableAfterRewrite extends FileRewrite {
  run(): void {
    const j = this.j;
    const bindings = collectModuleBindings(j, this.root, isNextServerModule);
    const exportsUnstable = (m: string, n: string): boolean => isNextServerModule(m) && n === UNSTABLE;
    const uses = findModuleUses(j, this.root, bindings, { names: [UNSTABLE], exports: exportsUnstable });
    const reExports = this.reExports();
    const unstable = bindings.filter((b) => b.exportName === UNSTABLE);
    if (unstable.length === 0 && uses.length === 0 && reExports.length === 0) return;
    this.assertStableAfter();
    this.changed = true;

    for (const { decl, spec } of reExports) this.renameReExport(decl, spec);
    const named = unstable.filter((b) => b.form === 'named' || b.form === 'require');
    for (const b of named) {
      const ownUses = uses.filter((u) => u.binding === b);
      const existing = b.local === UNSTABLE ? this.visibleStableBinding(bindings, ownUses) : undefined;
      if (existing !== undefined) {
        for (const use of ownUses) replaceUse(j, use, existing);
        this.editor.removeBinding(b);
        continue;
      }
      // An aliased binding keeps its local; an unaliased one takes `after` unless the file uses that name.
      const local = b.local === UNSTABLE ? this.editor.freeLocal([STABLE, 'nextAfter']) : b.local;
      this.renameImported(b, local);
      if (local !== b.local) for (const use of ownUses) replaceUse(j, use, local);
    }
    for (const use of uses) if (use.binding === undefined || use.binding.exportName === '*') renameMember(j, use.path.node);
  }

  /** A non-type `after` binding of next/server that every one of `uses` sees. */
  private visibleStableBinding(bindings: readonly ModuleBinding[], uses: readonly ModuleUse[]): string | undefined {
    const stable = bindings.find((b) => b.exportName === STABLE && !b.typeOnly && (b.form === 'named' || b.form === 'require'));
    if (!stable) return undefined;
    return uses.every((u) => isVisibleAt(u.path, stable.local)) ? stable.local : undefined;
  }

  /** `unstable_after as x` -> `after as x`; `{ unstable_after: x }` -> `{ after: x }`. */
  private renameImported(binding: ModuleBinding, local: string): void {
    const j = this.j;
    const spec: AnyNode = binding.specifier?.node;
    if (!spec) return;
    if (binding.form === 'named') {
      const renamed: AnyNode = j.importSpecifier(j.identifier(STABLE), j.identifier(local));
      if (spec.importKind) renamed.importKind = spec.importKind;
      const decl: AnyNode = binding.declaration.node;
      decl.specifiers = (decl.specifiers as AnyNode[]).map((s) => (s === spec ? renamed : s));
      return;
    }
    const declarator: AnyNode = binding.declarator?.node;
    const properties = (declarator.id.properties as AnyNode[]).map((p) =>
      p === spec ? { type: 'ObjectProperty', key: j.identifier(STABLE), value: j.identifier(local) } : p,
    );
    this.editor.setPatternProperties(declarator, properties);
  }

  /** `export { unstable_after as x } from 'next/server'` -> `export { after as x }` (the exported name stays). */
  private renameReExport(decl: AnyNode, spec: AnyNode): void {
    const j = this.j;
    const exported: string = spec.exported?.name ?? stringValue(spec.exported);
    const renamed = j.exportSpecifier.from({ local: j.identifier(STABLE), exported: j.identifier(exported) });
    decl.specifiers = (decl.specifiers as AnyNode[]).map((s) => (s === spec ? renamed : s));
  }

  /** `export { unstable_after } from 'next/server'` specifiers. */
  private reExports(): { decl: AnyNode; spec: AnyNode }[] {
    const specs: { decl: AnyNode; spec: AnyNode }[] = [];
    this.root.find(this.j.ExportNamedDeclaration).forEach((p: ASTPath) => {
      const node: AnyNode = p.node;
      if (!isNextServerModule(stringValue(node.source))) return;
      for (const s of (node.specifiers ?? []) as AnyNode[]) {
        if (s.type === 'ExportSpecifier' && (s.local?.name ?? stringValue(s.local)) === UNSTABLE) specs.push({ decl: node, spec: s });
      }
    });
    return specs;
  }

  private assertStableAfter(): void {
    const next = findNextVersion(this.file.path, this.options.nextVersion);
    if (!next) skipFile(`no Next.js version found (no package.json with next above this file); pass --next-version; ${UNSTABLE} stays`);
    if (afterSupport(next.version) !== 'after') {
      skipFile(
        `Next.js ${next.version} (from ${next.source}) has no stable ${STABLE}() (it needs ${NEXT_FACTS.afterStableFrom}); ${UNSTABLE} stays`,
      );
    }
  }
}

/** `server.unstable_after` / `server['unstable_after']` / `require('next/server').unstable_after` -> `.after`. */
function renameMember(j: JSCodeshift, node: AnyNode): void {
  if (memberPropertyName(node) !== UNSTABLE) return;
  if (requiredModule(node.object) !== undefined && !isNextServerModule(requiredModule(node.object))) return;
  node.property = j.identifier(STABLE);
  node.computed = false;
}

export default rewriteTransform((j, root, file, options) => new UnstableAfterRewrite(j, root, file, options));
