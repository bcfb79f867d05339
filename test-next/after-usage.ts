/**
 * Which of next/server's `after` exports a source text uses: imported or re-exported by name,
 * destructured from `require('next/server')`, or read off a namespace import / the require
 * call. Parsed with the TypeScript compiler, not matched by pattern, so comments, strings and
 * local names called `after` never count.
 */
import ts from 'typescript';
import { NEXT_FACTS } from '../lib/catalog.js';

const AFTER_EXPORTS: ReadonlySet<string> = new Set([NEXT_FACTS.afterExport, NEXT_FACTS.unstableAfterExport]);
const MODULES: ReadonlySet<string> = new Set([NEXT_FACTS.afterModule, `${NEXT_FACTS.afterModule}.js`]);

function isModuleString(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isStringLiteralLike(node) && MODULES.has(node.text);
}

function isRequireOfModule(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    isModuleString(node.arguments[0])
  );
}

function scriptKind(filename: string): ts.ScriptKind {
  if (filename.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(filename)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JSX;
}

/** The after exports (`after`, `unstable_after`) of next/server that `text` uses. */
export function afterExportsUsed(text: string, filename: string): Set<string> {
  const source = ts.createSourceFile(filename, text, ts.ScriptTarget.Latest, true, scriptKind(filename));
  const used = new Set<string>();
  const namespaces = new Set<string>();
  const note = (name: string | undefined): void => {
    if (name && AFTER_EXPORTS.has(name)) used.add(name);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && isModuleString(node.moduleSpecifier) && !node.importClause?.isTypeOnly) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const spec of bindings.elements) if (!spec.isTypeOnly) note((spec.propertyName ?? spec.name).text);
      }
    } else if (ts.isExportDeclaration(node) && isModuleString(node.moduleSpecifier) && !node.isTypeOnly) {
      if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const spec of node.exportClause.elements) note((spec.propertyName ?? spec.name).text);
      }
    } else if (ts.isVariableDeclaration(node) && node.initializer && isRequireOfModule(node.initializer)) {
      if (ts.isIdentifier(node.name)) namespaces.add(node.name.text);
      if (ts.isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) {
          const key = el.propertyName ?? el.name;
          if (ts.isIdentifier(key) || ts.isStringLiteralLike(key)) note(key.text);
        }
      }
    } else if (ts.isPropertyAccessExpression(node) && isRequireOfModule(node.expression)) {
      note(node.name.text);
    } else if (ts.isElementAccessExpression(node) && isRequireOfModule(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) {
      note(node.argumentExpression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // Members read off a namespace import or a required module object.
  const members = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text)) note(node.name.text);
    if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      namespaces.has(node.expression.text) &&
      ts.isStringLiteralLike(node.argumentExpression)
    ) {
      note(node.argumentExpression.text);
    }
    ts.forEachChild(node, members);
  };
  if (namespaces.size > 0) members(source);
  return used;
}
