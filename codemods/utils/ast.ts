/**
 * Small node helpers for the jscodeshift AST flavour. The parsers disagree on node types:
 * jscodeshift's `babel` parser uses ESTree shapes (`Literal`, `Property`, directives as
 * statements), `ts`/`tsx` use Babel shapes (`StringLiteral`, `ObjectProperty`,
 * `Program.directives`). Every helper here accepts both.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';

// The node shapes differ between parsers; these helpers read them structurally.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;

/** The value of a string literal (`'x'`, `"x"`, or a template without expressions). */
export function stringValue(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if ((node.type === 'StringLiteral' || node.type === 'Literal') && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    return node.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

export function isStringLiteral(node: AnyNode): boolean {
  return stringValue(node) !== undefined && node.type !== 'TemplateLiteral';
}

/** `Property` (ESTree) or `ObjectProperty` (Babel). */
export function isObjectProperty(node: AnyNode): boolean {
  return node?.type === 'Property' || node?.type === 'ObjectProperty';
}

/** The static key of an object property or member: `a`, `'a'`, `['a']`. */
export function propertyKeyName(node: AnyNode): string | undefined {
  const key = node?.key;
  if (!key) return undefined;
  if (!node.computed && key.type === 'Identifier') return key.name;
  return stringValue(key);
}

/** Unwraps `(x)`, `x!`, `x as T`, `x satisfies T` and `<T>x`. */
export function unwrapExpression(node: AnyNode): AnyNode {
  let current = node;
  while (
    current &&
    (current.type === 'TSNonNullExpression' ||
      current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ParenthesizedExpression' ||
      current.type === 'ChainExpression')
  ) {
    current = current.expression;
  }
  return current;
}

export function isMemberExpression(node: AnyNode): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

export function isCallExpression(node: AnyNode): boolean {
  return node?.type === 'CallExpression' || node?.type === 'OptionalCallExpression';
}

/** The static property name of `a.b` / `a['b']` / `a?.b`. */
export function memberPropertyName(node: AnyNode): string | undefined {
  if (!isMemberExpression(node)) return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed) return stringValue(node.property);
  return undefined;
}

/** `require('<m>')` or `await import('<m>')` -> `<m>`. */
export function requiredModule(node: AnyNode): string | undefined {
  const n = unwrapExpression(node);
  if (!n) return undefined;
  if (n.type === 'AwaitExpression') return requiredModule(n.argument);
  if (n.type === 'ImportExpression') return stringValue(n.source);
  if (isCallExpression(n) && n.arguments.length === 1) {
    if (n.callee.type === 'Identifier' && n.callee.name === 'require') return stringValue(n.arguments[0]);
    if (n.callee.type === 'Import') return stringValue(n.arguments[0]);
  }
  return undefined;
}

/**
 * Whether an Identifier path is a reference to a binding (as opposed to a property key,
 * a member's property name, a declaration's own name, an import/export specifier name, a
 * label or a type name).
 */
export function isReferenceIdentifier(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  const name = path.name;
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
    case 'JSXMemberExpression':
      return name !== 'property' || parent.computed === true;
    case 'Property':
    case 'ObjectProperty':
      if (name === 'key') return parent.computed === true;
      // In a pattern the value is a declaration, not a reference.
      return !isInPattern(path.parent);
    case 'MethodDefinition':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'PropertyDefinition':
    case 'ClassAccessorProperty':
    case 'ObjectMethod':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return name !== 'key' || parent.computed === true;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportNamespaceSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'TSTypeReference':
    case 'TSQualifiedName':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumMember':
    case 'TSModuleDeclaration':
    case 'TSExpressionWithTypeArguments':
    case 'TSInterfaceHeritage':
    case 'TSTypeParameter':
      return false;
    case 'ExportSpecifier':
      return name === 'local';
    case 'VariableDeclarator':
      return name === 'init';
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return name !== 'id' && name !== 'params';
    case 'AssignmentPattern':
      return name === 'right';
    case 'ArrayPattern':
    case 'RestElement':
    case 'CatchClause':
      return false;
    case 'JSXAttribute':
      return false;
    default:
      return true;
  }
}

function isInPattern(path: ASTPath | null | undefined): boolean {
  const parent: AnyNode = path?.parent?.node;
  return parent?.type === 'ObjectPattern';
}

/** Whether the program (or a function body) starts with the directive, e.g. `'use server'`. */
export function hasDirective(body: AnyNode, directive: string): boolean {
  if (!body) return false;
  for (const d of body.directives ?? []) {
    if (d.value?.value === directive) return true;
  }
  for (const statement of body.body ?? []) {
    if (statement.type !== 'ExpressionStatement') break;
    if (typeof statement.directive === 'string') {
      if (statement.directive === directive) return true;
      continue;
    }
    if (stringValue(statement.expression) === directive && isStringLiteral(statement.expression)) return true;
    break;
  }
  return false;
}

/** The Program node of a parsed file. */
export function programOf(root: Collection): AnyNode {
  const top: AnyNode = root.get().node;
  return top.type === 'File' ? top.program : top;
}

/** Every function-like node type, for `find`. */
export function isFunctionNode(node: AnyNode): boolean {
  return (
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'ObjectMethod' ||
    node?.type === 'ClassMethod' ||
    node?.type === 'ClassPrivateMethod'
  );
}

/** The closest enclosing function path, or undefined at module scope. */
export function enclosingFunction(path: ASTPath): ASTPath | undefined {
  let current: ASTPath | null = path.parent;
  while (current) {
    if (isFunctionNode(current.node) || current.node.type === 'MethodDefinition') return current;
    current = current.parent;
  }
  return undefined;
}

/** Identifier nodes of a given name that are references, in document order. */
export function findReferences(j: JSCodeshift, scopeRoot: Collection, name: string): ASTPath[] {
  return scopeRoot
    .find(j.Identifier, { name })
    .filter((p: ASTPath) => isReferenceIdentifier(p))
    .paths();
}

export type { ASTNode };

/** Replaces a string literal's value; the printer re-quotes it in the file's style. */
export function setStringValue(node: AnyNode, value: string): void {
  node.value = value;
  delete node.raw;
  if (node.extra) delete node.extra;
}
