/**
 * What each export of a parsed module is: a local value (a function, or the expression a
 * `const` holds), or another module's export passed on (`export { a } from './x'`, an
 * imported binding exported again, `export *`). ESM and the common CommonJS forms.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { commonJsExportName, propertyKey } from '../estree/ast.js';
import { moduleBindingOf, requiredModule } from '../estree/bindings.js';
import type { ParsedModule } from './parsed-module.js';

export type ExportTarget =
  | { readonly kind: 'local'; readonly value: TSESTree.Node }
  | { readonly kind: 'import'; readonly module: string; readonly name: string };

export interface ExportTable {
  readonly named: ReadonlyMap<string, ExportTarget>;
  /** Modules of `export * from '…'`, in order: a name not found in `named` is looked up there. */
  readonly stars: readonly string[];
}

const tables = new WeakMap<ParsedModule, ExportTable>();

export function exportTableOf(mod: ParsedModule): ExportTable {
  let table = tables.get(mod);
  if (!table) {
    table = build(mod);
    tables.set(mod, table);
  }
  return table;
}

function build(mod: ParsedModule): ExportTable {
  const named = new Map<string, ExportTarget>();
  const stars: string[] = [];
  const programScope = mod.getScope(mod.ast);
  const moduleScope = programScope.childScopes.find((s) => s.type === 'module') ?? programScope;

  /** What a module-level name holds. */
  const targetOfName = (name: string): ExportTarget | undefined => {
    const variable = ASTUtils.findVariable(moduleScope as TSESLint.Scope.Scope, name);
    return variable ? targetOfVariable(variable) : undefined;
  };

  const targetOfValue = (value: TSESTree.Node): ExportTarget | undefined => {
    if (value.type === AST_NODE_TYPES.Identifier) return targetOfName(value.name) ?? undefined;
    const module = requiredModule(value);
    if (module !== undefined) return undefined;
    return { kind: 'local', value };
  };

  const set = (name: string, target: ExportTarget | undefined): void => {
    if (target && !named.has(name)) named.set(name, target);
  };

  for (const stmt of mod.ast.body) {
    switch (stmt.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        if (stmt.exportKind === 'type') break;
        const decl = stmt.declaration;
        if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) set(decl.id.name, { kind: 'local', value: decl });
        else if (decl?.type === AST_NODE_TYPES.ClassDeclaration && decl.id) set(decl.id.name, { kind: 'local', value: decl });
        else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const d of decl.declarations) {
            if (d.id.type === AST_NODE_TYPES.Identifier && d.init) set(d.id.name, targetOfValue(d.init) ?? { kind: 'local', value: d.init });
          }
        }
        for (const spec of stmt.specifiers) {
          if (spec.exportKind === 'type') continue;
          const exported = nameOf(spec.exported);
          const local = nameOf(spec.local);
          if (stmt.source) set(exported, { kind: 'import', module: stmt.source.value, name: local });
          else set(exported, targetOfName(local));
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const decl = stmt.declaration;
        set('default', decl.type === AST_NODE_TYPES.Identifier ? targetOfName(decl.name) : { kind: 'local', value: decl });
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (stmt.exportKind !== 'type' && stmt.exported === null) stars.push(stmt.source.value);
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        set('default', targetOfValue(stmt.expression));
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        commonJsExports(stmt.expression, (name, value) => set(name, targetOfValue(value)));
        break;
      default:
        break;
    }
  }
  return { named, stars };
}

function targetOfVariable(variable: TSESLint.Scope.Variable): ExportTarget | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  const binding = moduleBindingOf(variable);
  if (binding) {
    if (binding.imported !== '*') return { kind: 'import', module: binding.module, name: binding.imported };
    return binding.defaultImport ? { kind: 'import', module: binding.module, name: 'default' } : undefined;
  }
  if (def.type === 'FunctionName' || def.type === 'ClassName') return { kind: 'local', value: def.node };
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    const writes = variable.references.filter((r) => r.isWrite()).length;
    return writes <= 1 ? { kind: 'local', value: def.node.init } : undefined;
  }
  return undefined;
}

/** `module.exports = …`, `module.exports.a = …`, `exports.a = …`, `module.exports = { a, b: … }`. */
function commonJsExports(expr: TSESTree.Expression, add: (name: string, value: TSESTree.Node) => void): void {
  if (expr.type !== AST_NODE_TYPES.AssignmentExpression || expr.operator !== '=') return;
  const name = commonJsExportName(expr.left);
  if (name === undefined) return;
  if (name === 'default' && expr.right.type === AST_NODE_TYPES.ObjectExpression) {
    for (const p of expr.right.properties) {
      if (p.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKey(p);
      if (key !== undefined) add(key, p.value);
    }
  }
  add(name, expr.right);
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}
