/**
 * Removing an import binding (an `import` specifier, a namespace/default import, or a
 * `require` binding) once a fix has replaced its last use. Removes the whole statement
 * (with its line) when nothing else is left in it; otherwise just the binding and its comma.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Range = readonly [number, number];

/** The statement's range, widened to its whole line when it stands alone on it. */
function statementRange(sourceCode: SourceCode, node: TSESTree.Node): Range {
  const text = sourceCode.text;
  let [start, end] = node.range;
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const aloneOnLine = (lineStart === 0 || text[lineStart - 1] === '\n') && (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r');
  if (aloneOnLine) {
    start = lineStart;
    end = lineEnd;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
  }
  return [start, end];
}

/** Removes `item` from a comma-separated list `items` (specifiers, properties, declarators). */
function listItemRange(sourceCode: SourceCode, item: TSESTree.Node, items: readonly TSESTree.Node[]): Range {
  const index = items.indexOf(item);
  const next = items[index + 1];
  if (next) return [item.range[0], next.range[0]];
  const prev = items[index - 1];
  if (prev) {
    const comma = sourceCode.getTokenAfter(prev);
    return [comma && comma.value === ',' ? prev.range[1] : item.range[0], item.range[1]];
  }
  return item.range;
}

function removeImportSpecifier(
  sourceCode: SourceCode,
  decl: TSESTree.ImportDeclaration,
  spec: TSESTree.ImportClause,
): Range {
  if (decl.specifiers.length === 1) return statementRange(sourceCode, decl);
  const named = decl.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
  if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
    if (named.length > 1) return listItemRange(sourceCode, spec, named);
    // `import def, { x } from 'm'`: drop `, { x }`.
    const openBrace = sourceCode.getTokenBefore(spec, { filter: (t) => t.value === '{' });
    const comma = openBrace && sourceCode.getTokenBefore(openBrace);
    const closeBrace = sourceCode.getTokenAfter(spec, { filter: (t) => t.value === '}' });
    if (comma && closeBrace) return [comma.range[0], closeBrace.range[1]];
    return spec.range;
  }
  // The default (first) or namespace (second) specifier next to another one.
  if (spec === decl.specifiers[0]) {
    const comma = sourceCode.getTokenAfter(spec);
    const after = comma && sourceCode.getTokenAfter(comma);
    return [spec.range[0], after ? after.range[0] : spec.range[1]];
  }
  const comma = sourceCode.getTokenBefore(spec);
  return [comma && comma.value === ',' ? comma.range[0] : spec.range[0], spec.range[1]];
}

function removeRequireBinding(sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator, name: TSESTree.Identifier): Range {
  const decl = declarator.parent as TSESTree.VariableDeclaration;
  const wholeDeclarator = (): Range =>
    decl.declarations.length === 1 ? statementRange(sourceCode, decl) : listItemRange(sourceCode, declarator, decl.declarations);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return wholeDeclarator();
  const pattern = declarator.id;
  const prop = pattern.properties.find((p) => p.range[0] <= name.range[0] && name.range[1] <= p.range[1]);
  if (!prop || pattern.properties.length === 1) return wholeDeclarator();
  return listItemRange(sourceCode, prop, pattern.properties);
}

/** A fix that removes the import or `require` binding of `variable`, or undefined when it is not one. */
export function removeBinding(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  variable: TSESLint.Scope.Variable,
): TSESLint.RuleFix | undefined {
  const def = variable.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const decl = def.parent as TSESTree.ImportDeclaration;
    return fixer.removeRange(removeImportSpecifier(sourceCode, decl, def.node as TSESTree.ImportClause));
  }
  if (def.type === 'Variable') return fixer.removeRange(removeRequireBinding(sourceCode, def.node, def.name));
  return undefined;
}
