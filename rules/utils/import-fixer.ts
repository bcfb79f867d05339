/**
 * Adding an import in an autofix or suggestion: reuse an existing binding when there is
 * one, merge into an existing import of the module, else add a new import (or `require`
 * in CommonJS files) in the file's quote style, under a local name nothing else uses.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleExports } from '../../lib/catalog.js';
import { chooseImportSource, type ImportSourceChoice } from '../../lib/import-source.js';
import { getApiResolver, requiredModule } from './api-imports.js';
import { importedName } from '../../lib/estree/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface ImportPlan {
  /** The expression to write at the use site: `after`, `nextAfter` or `fns.waitUntil`. */
  readonly expression: string;
  /** Fixes that add the import (empty when it is already there). */
  fixes(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

export interface ImportRequest {
  readonly module: string;
  readonly name: string;
  /** Aliases to try, in order, when `name` is taken in the file. Default: `<name>Fn`. */
  readonly aliases?: readonly string[];
  /**
   * Modules whose existing import of `name` may be reused instead (e.g. any API module for
   * `waitUntil`). Defaults to just `module`.
   */
  readonly reuseFrom?: (specifier: string) => boolean;
  /** Extra modules from settings.fn.runtimeModules (they export every API name). */
  readonly extraModules?: readonly string[];
  /**
   * Local names to try, in order, instead of `[name, ...aliases]` (e.g. `unstable_after`
   * imported as `after`, then `nextAfter`). Numbered variants of the last one follow.
   */
  readonly localNames?: readonly string[];
  /**
   * Where the expression will be written. With it, an existing binding is reused only when it
   * is visible there (not shadowed by a nested local of the same name); else a new import is
   * added under a name the file does not use anywhere.
   */
  readonly at?: TSESTree.Node;
}

/** Every name declared anywhere in the file, or read as an implicit global. */
export function namesInUse(sourceCode: SourceCode): Set<string> {
  const names = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const v of scope.variables) names.add(v.name);
    for (const ref of scope.through) names.add(ref.identifier.name);
  }
  return names;
}

/** The first of `candidates` (then `<last>2`, `<last>3`, …) that is not in use. */
export function freeName(inUse: ReadonlySet<string>, candidates: readonly string[]): string {
  for (const c of candidates) if (!inUse.has(c)) return c;
  const base = candidates[candidates.length - 1] ?? 'fn';
  for (let i = 2; ; i++) if (!inUse.has(`${base}${i}`)) return `${base}${i}`;
}

/** The quote character the file uses for module specifiers (single by default). */
export function quoteStyle(sourceCode: SourceCode): string {
  for (const node of sourceCode.ast.body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) return sourceCode.getText(node.source).startsWith('"') ? '"' : "'";
  }
  const m = /\brequire\(\s*(['"])/.exec(sourceCode.text);
  return m?.[1] ?? "'";
}

/**
 * A CommonJS file: parsed as a script, or free of ES module syntax while it uses
 * `require`, `module.exports` or `exports.x`.
 */
export function isCommonJs(sourceCode: SourceCode): boolean {
  if (sourceCode.ast.sourceType === 'script') return true;
  const body = sourceCode.ast.body;
  const esm = body.some(
    (n) =>
      n.type === AST_NODE_TYPES.ImportDeclaration ||
      n.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      n.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      n.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  return !esm && /\brequire\(|\bmodule\.exports\b|\bexports\.\w/.test(sourceCode.text);
}

interface Binding {
  /** The expression that reads the export: `after`, `nextAfter`, `fns.waitUntil`. */
  readonly expression: string;
  /** The identifier the import/require declares (the expression's root). */
  readonly id: TSESTree.Identifier;
}

/** Every top-level value binding of `name` from a module accepted by `accept`, in file order. */
function* existingBindings(
  sourceCode: SourceCode,
  name: string,
  accept: (specifier: string) => boolean,
): Generator<Binding> {
  for (const node of sourceCode.ast.body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration && node.importKind !== 'type' && accept(node.source.value)) {
      for (const spec of node.specifiers) {
        if (spec.type === AST_NODE_TYPES.ImportSpecifier && spec.importKind !== 'type' && importedName(spec) === name) {
          yield { expression: spec.local.name, id: spec.local };
        }
        if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) yield { expression: `${spec.local.name}.${name}`, id: spec.local };
      }
    }
    if (node.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of node.declarations) {
        const mod = requiredModule(d.init);
        if (mod === undefined || !accept(mod)) continue;
        if (d.id.type === AST_NODE_TYPES.Identifier) yield { expression: `${d.id.name}.${name}`, id: d.id };
        if (d.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const p of d.id.properties) {
            if (
              p.type === AST_NODE_TYPES.Property &&
              !p.computed &&
              p.key.type === AST_NODE_TYPES.Identifier &&
              p.key.name === name &&
              p.value.type === AST_NODE_TYPES.Identifier
            ) {
              yield { expression: p.value.name, id: p.value };
            }
          }
        }
      }
    }
  }
}

/** Whether the name `binding.id` declares refers to that declaration at `at` (no nested local hides it). */
function visibleAt(sourceCode: SourceCode, binding: Binding, at: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(at), binding.id.name);
  return variable !== null && variable.identifiers.includes(binding.id);
}

/** Where a new import statement goes: after the last import, else after directives. */
function insertionPoint(sourceCode: SourceCode): { after?: TSESTree.Node } {
  const body = sourceCode.ast.body;
  let last: TSESTree.Node | undefined;
  for (const node of body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) last = node;
    else if (
      node.type === AST_NODE_TYPES.VariableDeclaration &&
      node.declarations.some((d) => requiredModule(d.init) !== undefined) &&
      (last === undefined || last.type !== AST_NODE_TYPES.ImportDeclaration)
    ) {
      last = node;
    }
  }
  if (last) return { after: last };
  let directive: TSESTree.Node | undefined;
  for (const node of body) {
    if (node.type === AST_NODE_TYPES.ExpressionStatement && typeof node.directive === 'string') directive = node;
    else break;
  }
  return { after: directive };
}

export function planImport(sourceCode: SourceCode, request: ImportRequest): ImportPlan {
  const { module, name } = request;
  const accept = request.reuseFrom ?? ((s: string) => s === module);
  const reusable = (s: string) => accept(s) && (s === module || moduleExports(s, name, request.extraModules));
  for (const binding of existingBindings(sourceCode, name, reusable)) {
    if (request.at === undefined || visibleAt(sourceCode, binding, request.at)) return { expression: binding.expression, fixes: () => [] };
  }

  const inUse = namesInUse(sourceCode);
  const local = freeName(inUse, request.localNames ?? [name, ...(request.aliases ?? [`${name}Fn`])]);
  const specifierText = local === name ? name : `${name} as ${local}`;
  const quote = quoteStyle(sourceCode);

  // Merge into an existing value import of the same module that has named specifiers or a lone default.
  const target = sourceCode.ast.body.find(
    (n): n is TSESTree.ImportDeclaration =>
      n.type === AST_NODE_TYPES.ImportDeclaration &&
      n.importKind !== 'type' &&
      n.source.value === module &&
      !n.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier),
  );
  if (target) {
    const named = target.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const lastNamed = named[named.length - 1];
    return {
      expression: local,
      fixes: (fixer) => {
        if (lastNamed) return [fixer.insertTextAfter(lastNamed, `, ${specifierText}`)];
        const def = target.specifiers[0];
        if (def) return [fixer.insertTextAfter(def, `, { ${specifierText} }`)];
        // `import 'm'` or `import {} from 'm'`
        return [fixer.replaceText(target, `import { ${specifierText} } from ${quote}${module}${quote};`)];
      },
    };
  }

  const cjs = isCommonJs(sourceCode);
  const statement = cjs
    ? `const { ${local === name ? name : `${name}: ${local}`} } = require(${quote}${module}${quote});`
    : `import { ${specifierText} } from ${quote}${module}${quote};`;
  const { after } = insertionPoint(sourceCode);
  return {
    expression: local,
    fixes: (fixer) => {
      if (after) return [fixer.insertTextAfter(after, `\n${statement}`)];
      const first = sourceCode.ast.body[0];
      if (!first) return [fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], `${statement}\n`)];
      // Before the first statement, after any leading comments (license, shebang stay on top).
      return [fixer.insertTextBeforeRange([first.range[0], first.range[0]], `${statement}\n`)];
    },
  };
}

/** The specifiers of the file's value imports and top-level requires, in file order. */
export function importedModules(sourceCode: SourceCode): string[] {
  const modules: string[] = [];
  for (const node of sourceCode.ast.body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration && node.importKind !== 'type') modules.push(node.source.value);
    else if (node.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of node.declarations) {
        const specifier = requiredModule(d.init);
        if (specifier !== undefined) modules.push(specifier);
      }
    }
  }
  return modules;
}

/**
 * Which module an added import of the API export `name` should come from: lib/import-source's
 * choice (the same one the codemods make) for this file's imports and project.
 */
export function chooseApiImportModule(
  sourceCode: SourceCode,
  filename: string,
  name: string,
  extraModules: readonly string[] = [],
): ImportSourceChoice {
  return chooseImportSource(filename, name, importedModules(sourceCode), extraModules);
}

export interface ApiImportFix extends ImportPlan {
  /** False when the project cannot resolve the module: offer the change, do not autofix it. */
  readonly resolvable: boolean;
}

/**
 * `planImport` for the API export `name` written at `useSite`: reuses a binding of it from any
 * API module that is visible there, else imports it from the module `chooseApiImportModule` picks.
 */
export function planApiImport(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  name: string,
  useSite: TSESTree.Node,
): ApiImportFix {
  const sourceCode = context.sourceCode;
  const resolver = getApiResolver(context);
  const choice = chooseApiImportModule(sourceCode, context.filename, name, resolver.extraModules);
  const plan = planImport(sourceCode, {
    module: choice.module,
    name,
    reuseFrom: (s) => resolver.isApiModule(s),
    extraModules: resolver.extraModules,
    at: useSite,
  });
  return { ...plan, resolvable: choice.resolvable };
}
