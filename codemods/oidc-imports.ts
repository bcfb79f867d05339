/**
 * oidc-imports: imports from the deprecated `@vercel/functions/oidc` entry point move to
 * the packages the helpers live in now: `@vercel/oidc` (the token getters) and
 * `@vercel/oidc-aws-credentials-provider` (awsCredentialsProvider). Handles named, aliased,
 * type, namespace and default imports, `export ... from`, `require` (destructuring and
 * whole-module) and `await import()`. An import that mixes both targets is split in two.
 */
import type { API, ASTPath, Collection, FileInfo, JSCodeshift } from 'jscodeshift';
import {
  CANONICAL_IMPORT,
  CANONICAL_TYPE_IMPORT,
  DEPRECATED_OIDC_SUBPATH,
  OIDC_PACKAGES,
  PREFERRED_FUNCTIONS_PACKAGE,
} from '../lib/catalog.js';
import { collectModuleBindings, refersTo, type ModuleBinding } from './utils/api-bindings.js';
import { type AnyNode, isObjectProperty, isReferenceIdentifier, memberPropertyName, propertyKeyName, requiredModule, setStringValue, stringValue } from './utils/ast.js';
import type { TransformMeta, TransformOptions } from './utils/contract.js';
import { ImportEditor } from './utils/imports.js';
import { nodeText } from './utils/snippets.js';

const DEPRECATED = `${PREFERRED_FUNCTIONS_PACKAGE}${DEPRECATED_OIDC_SUBPATH}`;
const TARGETS: readonly string[] = Object.values(OIDC_PACKAGES);

export const meta: TransformMeta = {
  name: 'oidc-imports',
  description: `Moves imports from the deprecated ${DEPRECATED} to ${OIDC_PACKAGES.tokens} and ${OIDC_PACKAGES.aws}`,
  textFilter: (source) => source.includes(DEPRECATED),
};

/** Where an export of the deprecated entry point lives now. */
function targetOf(name: string): string | undefined {
  const value = CANONICAL_IMPORT[name];
  if (value !== undefined && TARGETS.includes(value)) return value;
  return CANONICAL_TYPE_IMPORT[name];
}

function specifierName(spec: AnyNode): string | undefined {
  const id = spec.type === 'ExportSpecifier' ? spec.local : spec.imported;
  if (!id) return undefined;
  return id.type === 'Identifier' ? id.name : stringValue(id);
}

class OidcImportMigration {
  changed = false;
  private readonly editor: ImportEditor;

  constructor(
    private readonly j: JSCodeshift,
    private readonly root: Collection,
    private readonly file: FileInfo,
    private readonly options: TransformOptions,
  ) {
    this.editor = new ImportEditor(j, root, file);
  }

  private note(message: string, node: AnyNode): void {
    const line = node?.loc?.start?.line;
    this.options.report(line ? `line ${line}: ${message}` : message);
  }

  private text(node: AnyNode): string {
    return nodeText(node, this.file.source);
  }

  print(): string {
    return this.editor.print();
  }

  run(): void {
    const j = this.j;
    const bindings = collectModuleBindings(j, this.root, (s) => s === DEPRECATED);
    const handledNamespaces = new Set<AnyNode>();
    for (const b of bindings) {
      if ((b.form === 'namespace' || b.form === 'default' || b.form === 'require-namespace') && !handledNamespaces.has(b.declaration.node)) {
        handledNamespaces.add(b.declaration.node);
        this.migrateNamespace(b);
      }
    }
    this.root
      .find(j.ImportDeclaration)
      .filter((p: ASTPath) => stringValue((p.node as AnyNode).source) === DEPRECATED)
      .forEach((p: ASTPath) => this.migrateSpecifierList(p, 'import'));
    this.root
      .find(j.ExportNamedDeclaration)
      .filter((p: ASTPath) => stringValue((p.node as AnyNode).source) === DEPRECATED)
      .forEach((p: ASTPath) => this.migrateSpecifierList(p, 'export'));
    this.root
      .find(j.ExportAllDeclaration)
      .filter((p: ASTPath) => stringValue((p.node as AnyNode).source) === DEPRECATED)
      .forEach((p: ASTPath) =>
        this.note(`\`export * from '${DEPRECATED}'\` re-exports both packages; replace it with exports from ${TARGETS.join(' and ')} by hand`, p.node),
      );
    this.root
      .find(j.VariableDeclarator)
      .filter((p: ASTPath) => requiredModule((p.node as AnyNode).init) === DEPRECATED && (p.node as AnyNode).id.type === 'ObjectPattern')
      .forEach((p: ASTPath) => this.migrateRequirePattern(p));
    this.root.find(j.MemberExpression).forEach((p: ASTPath) => this.migrateDirectMember(p));
  }

  /** `import { a, b as c } from DEPRECATED` and `export { a } from DEPRECATED`. */
  private migrateSpecifierList(path: ASTPath, kind: 'import' | 'export'): void {
    const decl: AnyNode = path.node;
    const specifiers: AnyNode[] = decl.specifiers ?? [];
    if (specifiers.length === 0) {
      if (kind === 'import') this.note(`a side-effect import of ${DEPRECATED} does nothing; remove it`, decl);
      return;
    }
    if (specifiers.some((s) => s.type !== 'ImportSpecifier' && s.type !== 'ExportSpecifier')) return; // namespace/default: migrateNamespace
    const groups = new Map<string, AnyNode[]>();
    const stay: AnyNode[] = [];
    for (const spec of specifiers) {
      const name = specifierName(spec);
      const target = name === undefined ? undefined : targetOf(name);
      if (target === undefined) {
        stay.push(spec);
        this.note(`${name ?? 'an export'} of ${DEPRECATED} has no known counterpart; left in place`, decl);
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

  /** `const { a, b: c } = require(DEPRECATED)` (or `await import(DEPRECATED)`). */
  private migrateRequirePattern(path: ASTPath): void {
    const declarator: AnyNode = path.node;
    const groups = new Map<string, AnyNode[]>();
    const stay: AnyNode[] = [];
    for (const prop of declarator.id.properties as AnyNode[]) {
      const name = isObjectProperty(prop) ? propertyKeyName(prop) : undefined;
      const target = name === undefined ? undefined : targetOf(name);
      if (target === undefined) {
        stay.push(prop);
        this.note(`${name ?? 'a rest element'} of ${DEPRECATED} has no known counterpart; left in place`, declarator);
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

  /** `require(DEPRECATED).getVercelOidcToken` */
  private migrateDirectMember(path: ASTPath): void {
    const node: AnyNode = path.node;
    if (requiredModule(node.object) !== DEPRECATED) return;
    const name = memberPropertyName(node);
    const target = name === undefined ? undefined : targetOf(name);
    if (target === undefined) {
      this.note(`${DEPRECATED} is used with a dynamic member; move it to ${TARGETS.join(' or ')} by hand`, node);
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
      this.note(`the import of ${DEPRECATED} mixes a namespace or default binding with others; migrate it by hand`, declNode);
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
    const where = `\`${binding.local}\` (${binding.form === 'require-namespace' ? 'require' : 'import'} of ${DEPRECATED})`;
    if (escapes) {
      this.note(`${where} is used as a whole, so it cannot be split safely between ${TARGETS.join(' and ')}; migrate it by hand`, declNode);
      return;
    }
    const unknown = members.filter((m) => targetOf(m.name) === undefined);
    if (unknown.length > 0) {
      this.note(`${where} uses ${unknown.map((m) => m.name).join(', ')}, which has no known counterpart; left in place`, declNode);
      return;
    }
    const targets = new Set(members.map((m) => targetOf(m.name) as string));
    if (targets.size === 0) {
      this.note(`${where} is never used; remove it`, declNode);
      return;
    }
    this.changed = true;
    const primary = targets.has(OIDC_PACKAGES.tokens) ? OIDC_PACKAGES.tokens : [...targets][0]!;
    if (binding.form === 'require-namespace') this.retargetRequire((binding.declarator?.node as AnyNode).init, primary);
    else setStringValue(declNode.source, primary);
    // Names from the other package become named imports next to it.
    const moved = new Map<string, { local: string; type: boolean }>();
    for (const m of members) {
      const target = targetOf(m.name) as string;
      if (target === primary) continue;
      let entry = moved.get(m.name);
      if (!entry) {
        entry = { local: this.editor.freeLocal([m.name, `${m.name}Fn`]), type: true };
        moved.set(m.name, entry);
      }
      if (!m.type) entry.type = false;
      m.path.replace(j.identifier(entry.local));
    }
    if (moved.size === 0) return;
    const secondary = [...targets].find((t) => t !== primary)!;
    const rename = (name: string, local: string, sep: string): string => (name === local ? name : `${name}${sep}${local}`);
    if (binding.form === 'require-namespace') {
      const props = [...moved].map(([name, { local }]) => rename(name, local, ': '));
      this.editor.insertAfter(
        binding.declaration.node,
        this.editor.statement(`const { ${props.join(', ')} } = require(${this.editor.quoted(secondary)});`),
      );
      return;
    }
    const allTypes = [...moved.values()].every((e) => e.type) || declNode.importKind === 'type';
    const specs = [...moved].map(([name, { local, type }]) => `${type && !allTypes ? 'type ' : ''}${rename(name, local, ' as ')}`);
    const created = this.editor.statement(
      `import ${allTypes ? 'type ' : ''}{ ${specs.join(', ')} } from ${this.editor.quoted(secondary)};`,
    );
    this.editor.insertAfter(declNode, created);
  }

  private program(): AnyNode {
    const top: AnyNode = this.root.get().node;
    return top.type === 'File' ? top.program : top;
  }
}

export default function transform(file: FileInfo, api: API, options: TransformOptions): string | undefined {
  const j = api.jscodeshift;
  const root = j(file.source);
  const migration = new OidcImportMigration(j, root, file, options);
  migration.run();
  if (!migration.changed) return undefined;
  // ast-types counts Babel's StringLiteral as a Literal.
  const remaining = root.find(j.Literal).filter((p: ASTPath) => (p.node as AnyNode).value === DEPRECATED).size();
  if (remaining > 0) options.report(`${DEPRECATED} is still mentioned ${remaining} time(s) (e.g. in a mock); check those by hand`);
  return migration.print();
}
