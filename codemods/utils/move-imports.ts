/**
 * Moving imports from one module to the modules its exports live in now (the engine of
 * `oidc-imports` and `edge-to-functions`).
 */
import type { API, ASTPath, Collection, FileInfo, JSCodeshift } from 'jscodeshift';
import { collectModuleBindings, refersTo, type ModuleBinding } from './api-bindings.js';
import {
  type AnyNode,
  isObjectProperty,
  isReferenceIdentifier,
  memberPropertyName,
  programOf,
  propertyKeyName,
  requiredModule,
  setStringValue,
  stringValue,
} from './ast.js';
import type { TransformOptions } from './contract.js';
import { FileRewrite, rewriteTransform } from './file-rewrite.js';
import { nodeText } from './snippets.js';

function specifierName(spec: AnyNode): string | undefined {
  const id = spec.type === 'ExportSpecifier' ? spec.local : spec.imported;
  if (!id) return undefined;
  return id.type === 'Identifier' ? id.name : stringValue(id);
}

/** What to move where. */
export interface MoveConfig {
  /** The module specifier imports move away from. */
  readonly from: string;
  /** The module an export lives in now; undefined when it has none. */
  targetOf(name: string): string | undefined;
  /** The note for an export that has no target (it stays importing from `from`). */
  whyNot(name: string): string;
  /** Namespace imports keep pointing at the first of these that they use. */
  readonly preferredPrimary: readonly string[];
  /**
   * After a move, report the string literals that still name `from` (a `jest.mock(from)`,
   * say, and imports left in place), so they are checked by hand.
   */
  readonly reportLeftoverMentions?: boolean;
}

/** The whole transform for a MoveConfig: move, note what is left, print (undefined when nothing moved). */
export function moveImportsTransform(config: MoveConfig): (file: FileInfo, api: API, options: TransformOptions) => string | undefined {
  return rewriteTransform((j, root, file, options) => new ModuleMover(j, root, file, options, config));
}

/**
 * Moves imports of `config.from` to the modules its exports live in now: named, aliased,
 * type, namespace and default imports, `export ... from`, `require` (destructuring and
 * whole-module), `await import()` and `require(from).name`. An import that mixes targets is
 * split (or merged into an existing import of a target); what has no target stays, noted.
 */
export class ModuleMover extends FileRewrite {

  constructor(
    j: JSCodeshift,
    root: Collection,
    file: FileInfo,
    options: TransformOptions,
    private readonly config: MoveConfig,
  ) {
    super(j, root, file, options);
  }

  private text(node: AnyNode): string {
    return nodeText(node, this.file.source);
  }

  /** One note counting the string literals that still name `config.from`. */
  private reportLeftoverMentions(): void {
    // ast-types counts Babel's StringLiteral as a Literal.
    const from = this.config.from;
    const remaining = this.root.find(this.j.Literal).filter((p: ASTPath) => (p.node as AnyNode).value === from).size();
    if (remaining > 0) this.options.report(`${from} is still mentioned ${remaining} time(s) (e.g. in a mock); check those by hand`);
  }

  private targets(): string[] {
    return [...new Set(this.config.preferredPrimary)];
  }

  run(): void {
    const j = this.j;
    const bindings = collectModuleBindings(j, this.root, (s) => s === this.config.from);
    const handledNamespaces = new Set<AnyNode>();
    for (const b of bindings) {
      if ((b.form === 'namespace' || b.form === 'default' || b.form === 'require-namespace') && !handledNamespaces.has(b.declaration.node)) {
        handledNamespaces.add(b.declaration.node);
        this.migrateNamespace(b);
      }
    }
    this.root
      .find(j.ImportDeclaration)
      .filter((p: ASTPath) => stringValue((p.node as AnyNode).source) === this.config.from)
      .forEach((p: ASTPath) => this.migrateSpecifierList(p, 'import'));
    this.root
      .find(j.ExportNamedDeclaration)
      .filter((p: ASTPath) => stringValue((p.node as AnyNode).source) === this.config.from)
      .forEach((p: ASTPath) => this.migrateSpecifierList(p, 'export'));
    this.root
      .find(j.ExportAllDeclaration)
      .filter((p: ASTPath) => stringValue((p.node as AnyNode).source) === this.config.from)
      .forEach((p: ASTPath) =>
        this.note(`\`export * from '${this.config.from}'\` cannot be moved as a whole; re-export from ${this.targets().join(' and ')} by hand`, p.node),
      );
    this.root
      .find(j.VariableDeclarator)
      .filter((p: ASTPath) => requiredModule((p.node as AnyNode).init) === this.config.from && (p.node as AnyNode).id.type === 'ObjectPattern')
      .forEach((p: ASTPath) => this.migrateRequirePattern(p));
    this.root.find(j.MemberExpression).forEach((p: ASTPath) => this.migrateDirectMember(p));
    if (this.changed && this.config.reportLeftoverMentions) this.reportLeftoverMentions();
  }

  /** `import { a, b as c } from this.config.from` and `export { a } from this.config.from`. */
  private migrateSpecifierList(path: ASTPath, kind: 'import' | 'export'): void {
    const decl: AnyNode = path.node;
    const specifiers: AnyNode[] = decl.specifiers ?? [];
    if (specifiers.length === 0) {
      if (kind === 'import') this.note(`a side-effect import of ${this.config.from} does nothing; remove it`, decl);
      return;
    }
    if (specifiers.some((s) => s.type !== 'ImportSpecifier' && s.type !== 'ExportSpecifier')) return; // namespace/default: migrateNamespace
    const groups = new Map<string, AnyNode[]>();
    const stay: AnyNode[] = [];
    for (const spec of specifiers) {
      const name = specifierName(spec);
      const target = name === undefined ? undefined : this.config.targetOf(name);
      if (target === undefined) {
        stay.push(spec);
        this.note(name === undefined ? `an export of ${this.config.from} has no known counterpart; left in place` : this.config.whyNot(name), decl);
        continue;
      }
      groups.set(target, [...(groups.get(target) ?? []), spec]);
    }
    if (groups.size === 0) return;
    this.changed = true;
    const entries = [...groups];
    const reuseOriginal = stay.length === 0;
    let anchor = decl;
    entries.forEach(([target, specs], i) => {
      if (i === 0 && reuseOriginal) {
        decl.specifiers = specs;
        setStringValue(decl.source, target);
        return;
      }
      if (kind === 'import' && this.mergeIntoExisting(target, specs, decl.importKind)) return;
      const typeKeyword = decl.importKind === 'type' || decl.exportKind === 'type' ? 'type ' : '';
      const list = specs.map((spec) => this.text(spec)).join(', ');
      const created = this.editor.statement(`${kind} ${typeKeyword}{ ${list} } from ${this.editor.quoted(target)};`);
      this.editor.insertAfter(anchor, created);
      anchor = created;
    });
    if (reuseOriginal) {
      // The first group kept the original declaration; merge it too when the target is already imported.
      const [target, specs] = entries[0] as [string, AnyNode[]];
      if (kind === 'import' && this.mergeIntoExisting(target, specs, decl.importKind, decl)) this.editor.removeStatement(decl);
    } else {
      decl.specifiers = stay;
    }
  }

  /** Appends specifiers to an existing import of `target` (not `except`); false when there is none. */
  private mergeIntoExisting(target: string, specs: AnyNode[], importKind: string | undefined, except?: AnyNode): boolean {
    const existing = (this.program().body as AnyNode[]).find(
      (n) =>
        n !== except &&
        n.type === 'ImportDeclaration' &&
        stringValue(n.source) === target &&
        (n.importKind ?? 'value') === (importKind ?? 'value') &&
        (n.specifiers ?? []).every((s: AnyNode) => s.type === 'ImportSpecifier'),
    );
    if (!existing) return false;
    existing.specifiers = [...(existing.specifiers ?? []), ...specs];
    return true;
  }

  /** `const { a, b: c } = require(this.config.from)` (or `await import(this.config.from)`). */
  private migrateRequirePattern(path: ASTPath): void {
    const declarator: AnyNode = path.node;
    const groups = new Map<string, AnyNode[]>();
    const stay: AnyNode[] = [];
    for (const prop of declarator.id.properties as AnyNode[]) {
      const name = isObjectProperty(prop) ? propertyKeyName(prop) : undefined;
      const target = name === undefined ? undefined : this.config.targetOf(name);
      if (target === undefined) {
        stay.push(prop);
        this.note(name === undefined ? `a rest element of ${this.config.from} cannot be moved; left in place` : this.config.whyNot(name), declarator);
      } else {
        groups.set(target, [...(groups.get(target) ?? []), prop]);
      }
    }
    if (groups.size === 0) return;
    this.changed = true;
    const entries = [...groups];
    const statementPath = path.parent as ASTPath;
    const isAwaitImport = declarator.init.type === 'AwaitExpression';
    const kind: string = (statementPath.node as AnyNode).kind ?? 'const';
    const created: AnyNode[] = [];
    entries.forEach(([target, props], i) => {
      if (i === 0 && stay.length === 0) {
        if (props.length !== declarator.id.properties.length) this.editor.setPatternProperties(declarator, props);
        this.retargetRequire(declarator.init, target);
        return;
      }
      const init = isAwaitImport ? `await import(${this.editor.quoted(target)})` : `require(${this.editor.quoted(target)})`;
      created.push(this.editor.statement(`${kind} { ${props.map((p) => this.text(p)).join(', ')} } = ${init};`));
    });
    if (stay.length > 0) this.editor.setPatternProperties(declarator, stay);
    let anchor: AnyNode = statementPath.node;
    const topLevel = (this.program().body as AnyNode[]).includes(anchor);
    for (const statement of created) {
      if (topLevel) this.editor.insertAfter(anchor, statement);
      else statementPath.insertAfter(statement);
      anchor = statement;
    }
  }

  private retargetRequire(init: AnyNode, target: string): void {
    let call = init;
    while (call.type === 'AwaitExpression' || call.type === 'TSAsExpression' || call.type === 'TSNonNullExpression') {
      call = call.argument ?? call.expression;
    }
    const literal = call.type === 'ImportExpression' ? call.source : call.arguments[0];
    setStringValue(literal, target);
  }

  /** `require(this.config.from).getVercelOidcToken` */
  private migrateDirectMember(path: ASTPath): void {
    const node: AnyNode = path.node;
    if (requiredModule(node.object) !== this.config.from) return;
    const name = memberPropertyName(node);
    const target = name === undefined ? undefined : this.config.targetOf(name);
    if (target === undefined) {
      this.note(`${this.config.from} is used with a dynamic member; move it to ${this.targets().join(' or ')} by hand`, node);
      return;
    }
    this.retargetRequire(node.object, target);
    this.changed = true;
  }

  /**
   * `import * as oidc`, `import oidc` and `const oidc = require(...)`: retarget when every use
   * is `oidc.<name>` of one package; split when the uses span both; report otherwise.
   */
  private migrateNamespace(binding: ModuleBinding): void {
    const j = this.j;
    const declNode: AnyNode = binding.declaration.node;
    if (binding.form !== 'require-namespace' && declNode.specifiers.length > 1) {
      this.note(`the import of ${this.config.from} mixes a namespace or default binding with others; migrate it by hand`, declNode);
      return;
    }
    const members: { path: ASTPath; name: string; type: boolean }[] = [];
    let escapes = false;
    this.root.find(j.Identifier, { name: binding.local }).forEach((p: ASTPath) => {
      const parent: AnyNode = p.parent?.node;
      if (parent?.type === 'TSQualifiedName' && p.name === 'left') {
        members.push({ path: p.parent, name: parent.right.name, type: true });
        return;
      }
      if (!isReferenceIdentifier(p) || !refersTo(p, binding)) return;
      const name = parent && p.name === 'object' ? memberPropertyName(parent) : undefined;
      if (name === undefined) escapes = true;
      else members.push({ path: p.parent, name, type: false });
    });
    const where = `\`${binding.local}\` (${binding.form === 'require-namespace' ? 'require' : 'import'} of ${this.config.from})`;
    if (escapes) {
      this.note(`${where} is used as a whole, so it cannot be split safely between ${this.targets().join(' and ')}; migrate it by hand`, declNode);
      return;
    }
    const unknown = members.filter((m) => this.config.targetOf(m.name) === undefined);
    if (unknown.length > 0) {
      for (const name of new Set(unknown.map((m) => m.name))) this.note(`${where}: ${this.config.whyNot(name)}`, declNode);
      return;
    }
    const targets = new Set(members.map((m) => this.config.targetOf(m.name) as string));
    if (targets.size === 0) {
      this.note(`${where} is never used; remove it`, declNode);
      return;
    }
    this.changed = true;
    const primary = this.config.preferredPrimary.find((t) => targets.has(t)) ?? [...targets][0]!;
    if (binding.form === 'require-namespace') this.retargetRequire((binding.declarator?.node as AnyNode).init, primary);
    else setStringValue(declNode.source, primary);
    // Names from the other modules become named imports next to it, one import per module.
    const moved = new Map<string, Map<string, { local: string; type: boolean }>>();
    for (const m of members) {
      const target = this.config.targetOf(m.name) as string;
      if (target === primary) continue;
      const group = moved.get(target) ?? new Map<string, { local: string; type: boolean }>();
      moved.set(target, group);
      let entry = group.get(m.name);
      if (!entry) {
        entry = { local: this.editor.freeLocal([m.name, `${m.name}Fn`]), type: true };
        group.set(m.name, entry);
      }
      if (!m.type) entry.type = false;
      m.path.replace(j.identifier(entry.local));
    }
    const rename = (name: string, local: string, sep: string): string => (name === local ? name : `${name}${sep}${local}`);
    let anchor: AnyNode = declNode;
    for (const [target, group] of moved) {
      let created: AnyNode;
      if (binding.form === 'require-namespace') {
        const props = [...group].map(([name, { local }]) => rename(name, local, ': '));
        created = this.editor.statement(`const { ${props.join(', ')} } = require(${this.editor.quoted(target)});`);
      } else {
        const allTypes = [...group.values()].every((e) => e.type) || declNode.importKind === 'type';
        const specs = [...group].map(([name, { local, type }]) => `${type && !allTypes ? 'type ' : ''}${rename(name, local, ' as ')}`);
        created = this.editor.statement(`import ${allTypes ? 'type ' : ''}{ ${specs.join(', ')} } from ${this.editor.quoted(target)};`);
      }
      this.editor.insertAfter(anchor, created);
      anchor = created;
    }
  }

  private program(): AnyNode {
    return programOf(this.root);
  }
}

