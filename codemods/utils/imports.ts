/**
 * Adding and removing imports for the jscodeshift AST flavour. One editor per file:
 *  - reuses an existing value binding of the export when there is one,
 *  - merges into an existing import (or `require` destructuring) of the module,
 *  - else adds a new import after the last import (after directives when there is none),
 *    as `require` in CommonJS files,
 *  - picks a local name nothing in the file uses when the export's own name is taken,
 *  - drops an import (or require) that a transform emptied, keeping its comments.
 * Quote style follows the file (see `printOptions`).
 */
import type { ASTPath, Collection, FileInfo, JSCodeshift } from 'jscodeshift';
import { type AnyNode, isObjectProperty, programOf, propertyKeyName, requiredModule } from './ast.js';
import type { ModuleBinding } from './api-bindings.js';
import { isVisibleAt } from './scope.js';
import { nodeText, objectPatternFromTexts, parseStatement, quoted } from './snippets.js';

export type ModuleSystem = 'esm' | 'cjs';

export interface AddImportRequest {
  readonly module: string;
  /** The export name. */
  readonly name: string;
  /** Local names to try, in order, when `name` is taken. Default: `<name>Fn`, then numbered. */
  readonly aliases?: readonly string[];
  /** The local names to try instead of `[name, ...aliases]` (e.g. `after` for `unstable_after`). */
  readonly locals?: readonly string[];
  /** Import it as a type (`import type { X }` / `import { type X }`). */
  readonly typeOnly?: boolean;
  /** An existing binding from another module that may be reused (e.g. any API module). */
  readonly reuseFrom?: (specifier: string) => boolean;
  /**
   * The places the returned expression will be written. An existing binding is reused only
   * when no inner binding hides it at every one of them (scope lookup at the place); else
   * the export is imported again under a free local name (`<name>Fn`, the aliases).
   */
  readonly at?: ASTPath | readonly ASTPath[];
}

const IGNORED_PARENT_KEYS: Record<string, readonly string[]> = {
  MemberExpression: ['property'],
  OptionalMemberExpression: ['property'],
  JSXMemberExpression: ['property'],
  MethodDefinition: ['key'],
  ClassMethod: ['key'],
  ClassPrivateMethod: ['key'],
  ClassProperty: ['key'],
  PropertyDefinition: ['key'],
  ObjectMethod: ['key'],
  TSPropertySignature: ['key'],
  TSMethodSignature: ['key'],
  JSXAttribute: ['name'],
  ExportSpecifier: ['exported'],
};

/** Every identifier name that could clash with a new top-level binding (conservative). */
export function namesInUse(j: JSCodeshift, root: Collection): Set<string> {
  const names = new Set<string>();
  root.find(j.Identifier).forEach((p: ASTPath) => {
    const parent: AnyNode = p.parent?.node;
    const node: AnyNode = p.node;
    if (parent) {
      const ignored = IGNORED_PARENT_KEYS[parent.type as string];
      if (ignored?.includes(p.name as string) && !parent.computed) return;
      if (isObjectProperty(parent) && p.name === 'key' && !parent.computed && !parent.shorthand) return;
      if (parent.type === 'ImportSpecifier' && p.name === 'imported') return;
    }
    names.add(node.name);
  });
  root.find(j.JSXIdentifier).forEach((p: ASTPath) => {
    const node: AnyNode = p.node;
    if (/^[A-Z]/.test(node.name)) names.add(node.name);
  });
  return names;
}

/** The first of `candidates` (then `<last>2`, `<last>3`, …) that is not in use. */
export function freeName(inUse: ReadonlySet<string>, candidates: readonly string[]): string {
  for (const c of candidates) if (!inUse.has(c)) return c;
  const base = candidates[candidates.length - 1] ?? 'fn';
  for (let i = 2; ; i++) if (!inUse.has(`${base}${i}`)) return `${base}${i}`;
}

/** Quote character of the file's module specifiers (`'` when it has none). */
export function detectQuote(source: string): 'single' | 'double' {
  const m = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])/.exec(source);
  if (m) return m[1] === '"' ? 'double' : 'single';
  const any = /(['"])(?:[^'"\\\n]|\\.)*\1/.exec(source);
  return any?.[1] === '"' ? 'double' : 'single';
}

/** ESM unless the file is plainly CommonJS (`.cjs`, or require/module.exports and no ESM syntax). */
export function detectModuleSystem(j: JSCodeshift, root: Collection, filename: string): ModuleSystem {
  if (/\.c[jt]s$/.test(filename)) return 'cjs';
  if (/\.m[jt]s$/.test(filename)) return 'esm';
  const body: AnyNode[] = programOf(root).body;
  const esm = body.some((n) =>
    ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'TSExportAssignment'].includes(
      n.type,
    ),
  );
  if (esm) return 'esm';
  const cjs = root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).size() > 0 ||
    root.find(j.MemberExpression, { object: { type: 'Identifier', name: 'module' }, property: { name: 'exports' } }).size() > 0;
  return cjs ? 'cjs' : 'esm';
}

/** Options for `root.toSource()` that keep the file's style for newly printed code. */
export function printOptions(source: string): { quote: 'single' | 'double' } {
  return { quote: detectQuote(source) };
}

function importedName(spec: AnyNode): string | undefined {
  const imported = spec.imported;
  if (!imported) return undefined;
  return imported.type === 'Identifier' ? imported.name : imported.value;
}

/** Whether a top-level statement is an import or a top-level `require` declaration. */
function isImportLike(node: AnyNode): boolean {
  if (node.type === 'ImportDeclaration') return true;
  if (node.type === 'TSImportEqualsDeclaration') return true;
  if (node.type === 'VariableDeclaration') return node.declarations.some((d: AnyNode) => requiredModule(d.init) !== undefined);
  return false;
}

/** The end of an import or require statement: `import 'x';`, `} from 'x';`, `require('x');`. */
const IMPORT_LINE_END = /(?:^import\b.*|\bfrom\s*['"][^'"]+['"]|\brequire\(\s*['"][^'"]+['"]\s*\)(?:\.\w+)*)\s*;?\s*$/;

/** What may follow a directive's string on its line: `;` and a same-line comment. */
const DIRECTIVE_LINE_REST = /^;?[ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)?/;

/** The number of line breaks in the white space after a directive ending at `at` (its rest of line skipped). */
function lineBreaksAt(text: string, at: number): number {
  const rest = text.slice(at);
  const lineEnd = DIRECTIVE_LINE_REST.exec(rest)![0].length;
  const space = /^\s*/.exec(rest.slice(lineEnd))![0];
  return space.split('\n').length - 1;
}

function isDirectiveStatement(node: AnyNode): boolean {
  return node.type === 'ExpressionStatement' && typeof node.directive === 'string';
}

export class ImportEditor {
  private names: Set<string> | undefined;
  private system: ModuleSystem | undefined;
  private readonly inserted: AnyNode[] = [];
  private topLevelChanged = false;
  readonly quote: 'single' | 'double';

  constructor(
    private readonly j: JSCodeshift,
    private readonly root: Collection,
    private readonly file: FileInfo,
  ) {
    this.quote = detectQuote(file.source);
  }

  /** A string literal's source text in the file's quote style. */
  quoted(value: string): string {
    return quoted(value, this.quote);
  }

  /**
   * Parses a statement written in the file's syntax (see ./snippets). recast lays out the
   * space after a new statement from the snippet, so `text` carries its own line break.
   */
  statement(text: string, blankLineAfter = false): AnyNode {
    return parseStatement(this.j, `${text}\n${blankLineAfter ? '\n' : ''}`);
  }

  /**
   * recast reprints a Program whose statement list changed length by printing each Babel
   * directive's original text (which ends in `;`) and then `;` again: drop the extra one.
   */
  private fixDirectiveSemicolons(output: string): string {
    const program = this.program();
    let text = output;
    for (const d of (program.directives ?? []) as AnyNode[]) {
      const raw: unknown = d.value?.extra?.raw;
      if (typeof raw !== 'string') continue;
      const doubled = `${raw};;`;
      const at = text.indexOf(doubled);
      if (at !== -1) text = text.slice(0, at) + `${raw};` + text.slice(at + doubled.length);
    }
    return text;
  }

  /**
   * recast reprints such a Program with its Babel directives on consecutive lines, which
   * drops a blank line the file had after them (`'use server';` + blank line + imports):
   * put the file's line breaks back after the last directive. Only when the output starts
   * with the file's own text up to the directives (so the directives are found, not text
   * in a comment that looks like them).
   */
  private restoreDirectiveGap(output: string): string {
    const directives = (this.program().directives ?? []) as AnyNode[];
    const first = directives[0];
    const last = directives[directives.length - 1];
    if (typeof first?.start !== 'number' || typeof last?.end !== 'number') return output;
    const source = this.file.source;
    const wanted = lineBreaksAt(source, last.end);
    if (wanted < 2) return output;
    const header = source.slice(0, first.start);
    if (!output.startsWith(header)) return output;
    let at = header.length;
    for (const d of directives) {
      const raw: unknown = d.value?.extra?.raw;
      if (typeof raw !== 'string') return output;
      at += /^[;\s]*/.exec(output.slice(at))![0].length;
      if (!output.startsWith(raw, at)) return output;
      at += raw.length;
    }
    const lineEnd = DIRECTIVE_LINE_REST.exec(output.slice(at))![0].length;
    const have = lineBreaksAt(output, at);
    if (have < 1 || have >= wanted) return output;
    const breakAt = output.indexOf('\n', at + lineEnd) + 1;
    return output.slice(0, breakAt) + '\n'.repeat(wanted - have) + output.slice(breakAt);
  }

  /** Inserts a top-level statement right after `anchor` (a top-level statement). */
  insertAfter(anchor: AnyNode, statement: AnyNode): void {
    const body: AnyNode[] = this.program().body;
    const index = body.indexOf(anchor);
    body.splice(index === -1 ? body.length : index + 1, 0, statement);
    this.inserted.push(statement);
    this.topLevelChanged = true;
  }

  /**
   * Prints the file. recast keeps the blank line that followed the statement a new import
   * was inserted after, which would leave the new import floating below a gap; that gap
   * is closed when the line above is the end of an import or require.
   */
  print(): string {
    let output = printFile(this.root, this.file.source);
    if (this.topLevelChanged) output = this.restoreDirectiveGap(this.fixDirectiveSemicolons(output));
    for (const statement of this.inserted) {
      const code = this.j(statement).toSource(printOptions(this.file.source));
      const at = output.indexOf(`\n\n${code}`);
      if (at === -1) continue;
      const lineStart = output.lastIndexOf('\n', at - 1) + 1;
      if (IMPORT_LINE_END.test(output.slice(lineStart, at))) output = output.slice(0, at) + output.slice(at + 1);
    }
    return output;
  }

  /** Replaces a declarator's object pattern with one listing `properties` (original texts kept). */
  setPatternProperties(declarator: AnyNode, properties: readonly AnyNode[]): void {
    const texts = properties.map((p) => (p.start !== undefined || p.range ? nodeText(p, this.file.source) : printProperty(p)));
    const pattern = objectPatternFromTexts(this.j, texts);
    if (declarator.id.typeAnnotation) pattern.typeAnnotation = declarator.id.typeAnnotation;
    declarator.id = pattern;
  }

  /** Names in use, including the ones this editor added. */
  get inUse(): Set<string> {
    this.names ??= namesInUse(this.j, this.root);
    return this.names;
  }

  get moduleSystem(): ModuleSystem {
    this.system ??= detectModuleSystem(this.j, this.root, this.file.path);
    return this.system;
  }

  /** Reserve a local name (a transform is about to introduce it). */
  reserve(name: string): void {
    this.inUse.add(name);
  }

  /** A free local name from `candidates`, reserved. */
  freeLocal(candidates: readonly string[]): string {
    const name = freeName(this.inUse, candidates);
    this.reserve(name);
    return name;
  }

  /**
   * Make `name` from `module` available and return the expression to use for it
   * (`after`, `afterFn`, or `ns.name` when a namespace import already provides it).
   */
  ensure(request: AddImportRequest): string {
    const sites: readonly ASTPath[] = request.at === undefined ? [] : Array.isArray(request.at) ? request.at : [request.at as ASTPath];
    const kind = request.typeOnly ? 'type' : 'value';
    const existing = this.existingBindings(request).find((local) => sites.every((site) => isVisibleAt(site, local, kind)));
    if (existing) return existing;
    const local = this.freeLocal(request.locals ?? [request.name, ...(request.aliases ?? [`${request.name}Fn`])]);
    if (this.moduleSystem === 'cjs' && !request.typeOnly) this.addRequire(request, local);
    else this.addImport(request, local);
    return local;
  }

  /** The path of the file being edited. */
  get filename(): string {
    return this.file.path;
  }

  private program(): AnyNode {
    return programOf(this.root);
  }

  /**
   * The expressions that already give the export at module level, in file order (bindings
   * this editor added included: they are in the tree too).
   */
  private existingBindings(request: AddImportRequest): string[] {
    const found: string[] = [];
    const accept = (s: string): boolean => s === request.module || (request.reuseFrom?.(s) ?? false);
    for (const node of this.program().body as AnyNode[]) {
      if (node.type === 'ImportDeclaration' && typeof node.source?.value === 'string' && accept(node.source.value)) {
        const declType = node.importKind === 'type';
        if (declType && !request.typeOnly) continue;
        for (const spec of node.specifiers ?? []) {
          if (spec.type === 'ImportSpecifier' && importedName(spec) === request.name) {
            if (spec.importKind === 'type' && !request.typeOnly) continue;
            found.push(spec.local.name);
          }
          if (spec.type === 'ImportNamespaceSpecifier' && !request.typeOnly) found.push(`${spec.local.name}.${request.name}`);
        }
      }
      if (node.type === 'VariableDeclaration' && !request.typeOnly) {
        for (const d of node.declarations) {
          const mod = requiredModule(d.init);
          if (mod === undefined || !accept(mod)) continue;
          if (d.id.type === 'Identifier') found.push(`${d.id.name}.${request.name}`);
          if (d.id.type === 'ObjectPattern') {
            for (const p of d.id.properties) {
              if (isObjectProperty(p) && propertyKeyName(p) === request.name && p.value.type === 'Identifier') found.push(p.value.name);
            }
          }
        }
      }
    }
    return found;
  }

  private specifier(request: AddImportRequest, local: string, inline: boolean): AnyNode {
    const j = this.j;
    const spec: AnyNode = j.importSpecifier(j.identifier(request.name), j.identifier(local));
    if (inline && request.typeOnly) spec.importKind = 'type';
    return spec;
  }

  private addImport(request: AddImportRequest, local: string): void {
    const body: AnyNode[] = this.program().body;
    const target = body.find(
      (n) =>
        n.type === 'ImportDeclaration' &&
        n.source?.value === request.module &&
        (n.importKind === 'type') === Boolean(request.typeOnly) &&
        !(n.specifiers ?? []).some((s: AnyNode) => s.type === 'ImportNamespaceSpecifier'),
    ) ?? (request.typeOnly
      ? body.find(
          (n) =>
            n.type === 'ImportDeclaration' &&
            n.source?.value === request.module &&
            n.importKind !== 'type' &&
            !(n.specifiers ?? []).some((s: AnyNode) => s.type === 'ImportNamespaceSpecifier'),
        )
      : undefined);
    if (target) {
      const inline = request.typeOnly === true && target.importKind !== 'type';
      target.specifiers = [...(target.specifiers ?? []), this.specifier(request, local, inline)];
      return;
    }
    const spec = local === request.name ? request.name : `${request.name} as ${local}`;
    const text = `import ${request.typeOnly ? 'type ' : ''}{ ${spec} } from ${this.quoted(request.module)};`;
    this.insertStatement(this.statement(text, !this.hasImportLike()));
  }

  private addRequire(request: AddImportRequest, local: string): void {
    const body: AnyNode[] = this.program().body;
    const property = local === request.name ? request.name : `${request.name}: ${local}`;
    for (const node of body) {
      if (node.type !== 'VariableDeclaration') continue;
      for (const d of node.declarations) {
        if (requiredModule(d.init) === request.module && d.id.type === 'ObjectPattern' && d.init.type !== 'AwaitExpression') {
          const texts = (d.id.properties as AnyNode[]).map((p) => nodeText(p, this.file.source));
          const pattern = objectPatternFromTexts(this.j, [...texts, property]);
          d.id = pattern;
          return;
        }
      }
    }
    this.insertStatement(this.statement(`const { ${property} } = require(${this.quoted(request.module)});`, !this.hasImportLike()));
  }

  private hasImportLike(): boolean {
    return (this.program().body as AnyNode[]).some(isImportLike);
  }

  /** Insert a top-level statement after the last import, else after directives, else first. */
  insertStatement(statement: AnyNode): void {
    const body: AnyNode[] = this.program().body;
    let index = -1;
    for (let i = 0; i < body.length; i++) if (isImportLike(body[i])) index = i;
    if (index === -1) {
      let directives = 0;
      while (directives < body.length && isDirectiveStatement(body[directives])) directives++;
      if (directives > 0) index = directives - 1;
    }
    this.inserted.push(statement);
    this.topLevelChanged = true;
    if (index >= 0) {
      body.splice(index + 1, 0, statement);
      return;
    }
    const first = body[0];
    const leading: AnyNode[] = (first?.comments ?? []).filter((c: AnyNode) => c.leading);
    const lastComment = leading[leading.length - 1];
    // A file header (license, @ts-nocheck), set off by a blank line, stays on top; a comment
    // right above the first statement belongs to it.
    if (lastComment && first.loc && lastComment.loc && first.loc.start.line - lastComment.loc.end.line > 1) {
      statement.comments = leading;
      first.comments = first.comments.filter((c: AnyNode) => !c.leading);
    }
    body.unshift(statement);
  }

  /** Remove a top-level statement, handing its leading comments to the next one. */
  removeStatement(statement: AnyNode): void {
    const body: AnyNode[] = this.program().body;
    const index = body.indexOf(statement);
    if (index === -1) return;
    const leading = (statement.comments ?? []).filter((c: AnyNode) => c.leading);
    body.splice(index, 1);
    this.topLevelChanged = true;
    const next = body[index];
    if (leading.length > 0 && next) next.comments = [...leading, ...(next.comments ?? [])];
  }

  /**
   * Remove the binding's specifier (import specifier or require property); drop the whole
   * import / declarator / declaration when nothing is left.
   */
  removeBinding(binding: ModuleBinding): void {
    if (binding.form === 'named' || binding.form === 'namespace' || binding.form === 'default') {
      const decl: AnyNode = binding.declaration.node;
      const spec = binding.specifier?.node;
      decl.specifiers = (decl.specifiers ?? []).filter((s: AnyNode) => s !== spec);
      if (decl.specifiers.length === 0) this.removeStatementOrPath(binding.declaration);
      return;
    }
    const declarator: AnyNode = binding.declarator?.node;
    if (!declarator) return;
    if (binding.form === 'require') {
      // Match by local name: an earlier removal may have rebuilt the pattern.
      const localOf = (p: AnyNode): string | undefined => {
        const value = p.value?.type === 'AssignmentPattern' ? p.value.left : p.value;
        return value?.type === 'Identifier' ? value.name : undefined;
      };
      const rest = (declarator.id.properties as AnyNode[]).filter((p) => localOf(p) !== binding.local);
      if (rest.length > 0) {
        this.setPatternProperties(declarator, rest);
        return;
      }
    }
    const declaration: AnyNode = binding.declaration.node;
    declaration.declarations = declaration.declarations.filter((d: AnyNode) => d !== declarator);
    if (declaration.declarations.length === 0) this.removeStatementOrPath(binding.declaration);
  }

  private removeStatementOrPath(path: ASTPath): void {
    const node: AnyNode = path.node;
    if ((this.program().body as AnyNode[]).includes(node)) this.removeStatement(node);
    else path.prune();
  }
}

function printProperty(p: AnyNode): string {
  const key = propertyKeyName(p);
  const value = p.value?.type === 'Identifier' ? p.value.name : undefined;
  if (!key || !value) throw new Error('cannot print a built pattern property');
  return key === value ? key : `${key}: ${value}`;
}

/** Prints the transformed file, new code in the file's quote style. */
export function printFile(root: Collection, source: string): string {
  return root.toSource(printOptions(source));
}
