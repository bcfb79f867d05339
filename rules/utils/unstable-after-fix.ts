/**
 * The autofix of `unstable_after` -> `after` (Next.js 15.1 dropped the `unstable_` export):
 * rewrites the import specifier, `require` property or namespace member so that every use
 * keeps working under the name it had, and merges a lone `import { unstable_after }` into
 * another `next/server` import of the file.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isNextServerModule, NEXT_FACTS } from '../../lib/catalog.js';
import { importedName, propertyKey } from '../../lib/estree/ast.js';
import { namesInUse } from './import-fixer.js';
import { removeBinding } from './import-removal.js';
import { variableOf } from '../../lib/estree/scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

const STABLE = NEXT_FACTS.afterExport;
const UNSTABLE = NEXT_FACTS.unstableAfterExport;

/**
 * Whether every use of the `unstable_after` binding can be renamed to `after`: the file uses
 * no `after` anywhere, and no use also fixes a public name (`export { x }`, `{ x }` shorthand).
 */
function renameable(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): boolean {
  if (namesInUse(sourceCode).has(STABLE)) return false;
  return variable.references.every((ref) => {
    if (ref.init) return true;
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier) return false;
    return !(parent?.type === AST_NODE_TYPES.Property && parent.shorthand);
  });
}

/** Another value import of next/server with named specifiers that a lone specifier can join. */
function mergeTarget(sourceCode: SourceCode, own: TSESTree.ImportDeclaration): TSESTree.ImportSpecifier | undefined {
  for (const node of sourceCode.ast.body) {
    if (node === own || node.type !== AST_NODE_TYPES.ImportDeclaration || node.importKind === 'type') continue;
    if (!isNextServerModule(node.source.value)) continue;
    const named = node.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named[named.length - 1];
    if (last) return last;
  }
  return undefined;
}

/** `import { unstable_after [as x] } from 'next/server'` -> `import { after [as x] } …`. */
export function fixImportSpecifier(sourceCode: SourceCode, fixer: Fixer, spec: TSESTree.ImportSpecifier): Fix[] {
  const local = spec.local.name;
  const variable = variableOf(sourceCode, spec.local);
  const fixes: Fix[] = [];
  let text: string;
  if (local === STABLE) text = STABLE;
  else if (local === UNSTABLE && variable && renameable(sourceCode, variable)) {
    text = STABLE;
    for (const ref of variable.references) fixes.push(fixer.replaceText(ref.identifier, STABLE));
  } else text = `${STABLE} as ${local}`;

  const decl = spec.parent as TSESTree.ImportDeclaration;
  const target = decl.specifiers.length === 1 && spec.importKind !== 'type' ? mergeTarget(sourceCode, decl) : undefined;
  const removal = target && variable && removeBinding(sourceCode, fixer, variable);
  if (target && removal) {
    fixes.push(removal, fixer.insertTextAfter(target, `, ${text}`));
  } else {
    fixes.push(fixer.replaceText(spec, spec.importKind === 'type' ? `type ${text}` : text));
  }
  return fixes;
}

/** `export { unstable_after [as x] } from 'next/server'` keeps its public name. */
export function fixExportSpecifier(sourceCode: SourceCode, fixer: Fixer, spec: TSESTree.ExportSpecifier): Fix {
  const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : sourceCode.getText(spec.exported);
  return fixer.replaceText(spec, exported === STABLE ? STABLE : `${STABLE} as ${exported}`);
}

/** `const { unstable_after [: x] } = require('next/server')` -> `const { after [: x] } = …`. */
export function fixRequireProperty(sourceCode: SourceCode, fixer: Fixer, prop: TSESTree.Property): Fix[] {
  const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
  if (value.type !== AST_NODE_TYPES.Identifier) return [fixer.replaceText(prop.key, STABLE)];
  const local = value.name;
  const variable = variableOf(sourceCode, value);
  const rest = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? sourceCode.text.slice(value.range[1], prop.value.range[1]) : '';
  if (local === STABLE) return [fixer.replaceText(prop, `${STABLE}${rest}`)];
  if (local === UNSTABLE && variable && renameable(sourceCode, variable)) {
    return [
      fixer.replaceText(prop, `${STABLE}${rest}`),
      ...variable.references.filter((r) => r.identifier !== value).map((r) => fixer.replaceText(r.identifier, STABLE)),
    ];
  }
  return [fixer.replaceText(prop, `${STABLE}: ${local}${rest}`)];
}

/** `server.unstable_after` / `server['unstable_after']` -> `server.after`. */
export function fixMember(sourceCode: SourceCode, fixer: Fixer, member: TSESTree.MemberExpression): Fix {
  if (!member.computed) return fixer.replaceText(member.property, STABLE);
  const quote = sourceCode.getText(member.property)[0] ?? "'";
  return fixer.replaceText(member.property, `${quote}${STABLE}${quote}`);
}

/** The export name of an import specifier or the key of a require property, for matching. */
export function unstableAfterName(node: TSESTree.ImportSpecifier | TSESTree.Property): boolean {
  return (node.type === AST_NODE_TYPES.ImportSpecifier ? importedName(node) : propertyKey(node)) === UNSTABLE;
}
