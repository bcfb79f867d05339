/**
 * Environment-variable accesses for the jscodeshift AST flavour (the codemods' side of
 * rules/utils/env-reads.ts, with the same forms):
 *
 *   process.env.NAME     process.env['NAME']     process?.env?.NAME     import.meta.env.NAME
 *   const { NAME, OTHER: alias } = process.env        ({ NAME } = process.env)
 *   const env = process.env; env.NAME      const { env } = process; env.NAME
 *   import { env } from 'node:process'; env.NAME      import process from 'node:process'
 *
 * Writes (`process.env.NAME = …`, `delete`, `++`, assignment and for-in/of targets) are found
 * too, marked as writes. A local `process` (parameter, variable, import from another
 * module) is not the real one.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, isMemberExpression, memberPropertyName, propertyKeyName, requiredModule, stringValue } from './ast.js';
import { declarationOf, scopeOf } from './scope.js';
import { ENV_PROPERTY, PROCESS_GLOBAL, PROCESS_MODULES } from '../../lib/env-facts.js';


export interface EnvAccess {
  /** The variable name, as written. */
  readonly name: string;
  /** `member`: `<env>.NAME`; `destructure`: a property of a pattern over `<env>`. */
  readonly syntax: 'member' | 'destructure';
  /** The member expression, or the pattern property. */
  readonly path: ASTPath;
  /** The env object expression read from (`process.env`, `import.meta.env`, or an alias identifier). */
  readonly envObject: ASTPath;
  readonly via: 'process.env' | 'import.meta.env';
  /** For `destructure`: the ObjectPattern, and the declarator or assignment that owns it. */
  readonly pattern?: ASTPath;
  readonly patternOwner?: ASTPath;
  /** Assignment / update / delete target. */
  readonly write: boolean;
  /** The operand of `typeof`. */
  readonly inTypeof: boolean;
}

/** Wrappers that keep the value: parentheses, `!`, `as`, `satisfies`, optional-chain wrappers. */
const VALUE_WRAPPERS: ReadonlySet<string> = new Set([
  'ChainExpression',
  'TSNonNullExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
  'ParenthesizedExpression',
]);

/** The outermost path around `path` that still holds the same value (see VALUE_WRAPPERS). */
export function usagePath(path: ASTPath): ASTPath {
  let current = path;
  while (current.parent && VALUE_WRAPPERS.has((current.parent.node as AnyNode).type as string) && current.name === 'expression') {
    current = current.parent;
  }
  return current;
}

/** The path of the value inside wrappers (see VALUE_WRAPPERS) at `path`. */
export function unwrapPath(path: ASTPath): ASTPath {
  let current = path;
  while (VALUE_WRAPPERS.has((current.node as AnyNode)?.type as string)) current = (current as AnyNode).get('expression') as ASTPath;
  return current;
}

function unwrap(node: AnyNode): AnyNode {
  let n = node;
  while (n && VALUE_WRAPPERS.has(n.type as string)) n = n.expression;
  return n;
}

/** Whether the identifier `path` is the real `process`: the global, or a default/namespace/require of `process`/`node:process`. */
export function isRealProcess(path: ASTPath): boolean {
  const node: AnyNode = path.node;
  if (node.type !== 'Identifier') return false;
  const declaration = declarationOf(path, node.name);
  if (!declaration) return node.name === PROCESS_GLOBAL;
  const parent: AnyNode = declaration.parent?.node;
  if (parent?.type === 'ImportDefaultSpecifier' || parent?.type === 'ImportNamespaceSpecifier') {
    const module = stringValue(declaration.parent?.parent?.node?.source);
    return module !== undefined && PROCESS_MODULES.has(module);
  }
  if (parent?.type === 'VariableDeclarator' && declaration.name === 'id') {
    const module = requiredModule(parent.init);
    return module !== undefined && PROCESS_MODULES.has(module);
  }
  return false;
}

/** `process.env` (real process) or `import.meta.env` at `path`: which one, else undefined. */
export function envObjectKind(path: ASTPath): EnvAccess['via'] | undefined {
  const node = unwrap(path.node);
  if (!isMemberExpression(node) || memberPropertyName(node) !== ENV_PROPERTY) return undefined;
  const object = unwrap(node.object);
  if (object?.type === 'Identifier') return isRealProcess(unwrapPath((unwrapPath(path) as AnyNode).get('object') as ASTPath)) ? 'process.env' : undefined;
  if (object?.type === 'MetaProperty' && object.meta?.name === 'import' && object.property?.name === 'meta') return 'import.meta.env';
  return undefined;
}

/** Whether the expression at `path` (already through usagePath) is written rather than read. */
function isWriteTarget(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  if (!parent) return false;
  switch (parent.type) {
    case 'AssignmentExpression':
      return path.name === 'left';
    case 'UpdateExpression':
      return true;
    case 'UnaryExpression':
      return parent.operator === 'delete';
    case 'ForInStatement':
    case 'ForOfStatement':
      return path.name === 'left';
    default:
      return false;
  }
}

class EnvAccessCollector {
  readonly found: EnvAccess[] = [];
  private readonly seenAliases = new Set<AnyNode>();

  constructor(private readonly j: JSCodeshift) {}

  /** Accesses off `objectPath`, an env-object expression or an identifier bound to one. */
  offEnvObject(objectPath: ASTPath, via: EnvAccess['via']): void {
    const used = usagePath(objectPath);
    const parentPath = used.parent as ASTPath | null;
    const parent: AnyNode = parentPath?.node;
    if (!parentPath || !parent) return;
    if (isMemberExpression(parent) && used.name === 'object') {
      const name = memberPropertyName(parent);
      if (name === undefined) return;
      const usage = usagePath(parentPath);
      const usageParent: AnyNode = usage.parent?.node;
      this.found.push({
        name,
        syntax: 'member',
        path: parentPath,
        envObject: objectPath,
        via,
        write: isWriteTarget(usage),
        inTypeof: usageParent?.type === 'UnaryExpression' && usageParent.operator === 'typeof',
      });
      return;
    }
    const isInit = parent.type === 'VariableDeclarator' && used.name === 'init';
    const isAssigned = parent.type === 'AssignmentExpression' && used.name === 'right' && parent.operator === '=';
    if (!isInit && !isAssigned) return;
    const target: AnyNode = isInit ? parent.id : parent.left;
    const targetPath = (parentPath as AnyNode).get(isInit ? 'id' : 'left') as ASTPath;
    if (target.type === 'ObjectPattern') {
      this.offPattern(targetPath, parentPath, objectPath, via);
    } else if (target.type === 'Identifier' && isInit && (parentPath.parent?.node as AnyNode)?.kind === 'const') {
      this.throughAlias(targetPath, via);
    }
  }

  offPattern(patternPath: ASTPath, owner: ASTPath, envObject: ASTPath, via: EnvAccess['via']): void {
    const pattern: AnyNode = patternPath.node;
    (pattern.properties as AnyNode[]).forEach((prop, i) => {
      if (prop.type !== 'Property' && prop.type !== 'ObjectProperty') return;
      const name = propertyKeyName(prop);
      if (name === undefined) return;
      this.found.push({
        name,
        syntax: 'destructure',
        path: (patternPath as AnyNode).get('properties', i) as ASTPath,
        envObject,
        via,
        pattern: patternPath,
        patternOwner: owner,
        write: false,
        inTypeof: false,
      });
    });
  }

  /** Reads through a `const` bound to the env object: every reference in its scope. */
  throughAlias(idPath: ASTPath, via: EnvAccess['via']): void {
    const id: AnyNode = idPath.node;
    const scope = scopeOf(idPath);
    const declaring = scope?.lookup(id.name);
    if (!declaring || this.seenAliases.has(idPath.node)) return;
    this.seenAliases.add(idPath.node);
    this.j(declaring.path as ASTPath)
      .find(this.j.Identifier, { name: id.name })
      .forEach((ref: ASTPath) => {
        if (ref.node === id) return;
        const parent: AnyNode = ref.parent?.node;
        // Only value positions: `env.X`, `const { X } = env`, `({ X } = env)`.
        const valuePosition =
          (isMemberExpression(parent) && ref.name === 'object') ||
          (parent?.type === 'VariableDeclarator' && ref.name === 'init') ||
          (parent?.type === 'AssignmentExpression' && ref.name === 'right') ||
          VALUE_WRAPPERS.has(parent?.type as string);
        if (!valuePosition) return;
        if (scopeOf(ref)?.lookup(id.name) !== declaring) return;
        this.offEnvObject(ref, via);
      });
  }
}

/** Every access to an environment variable in the file, in document order. */
export function findEnvAccesses(j: JSCodeshift, root: Collection): EnvAccess[] {
  const collector = new EnvAccessCollector(j);
  root.find(j.MemberExpression).forEach((p: ASTPath) => {
    if (memberPropertyName(p.node) !== ENV_PROPERTY) return;
    const via = envObjectKind(p);
    if (via) collector.offEnvObject(p, via);
  });
  // const { env } = process  /  const { env: { NAME } } = process
  root.find(j.VariableDeclarator).forEach((p: ASTPath) => {
    const node: AnyNode = p.node;
    if (node.id.type !== 'ObjectPattern' || node.init?.type !== 'Identifier' || node.init.name !== PROCESS_GLOBAL) return;
    if (!isRealProcess((p as AnyNode).get('init') as ASTPath)) return;
    (node.id.properties as AnyNode[]).forEach((prop, i) => {
      if ((prop.type !== 'Property' && prop.type !== 'ObjectProperty') || propertyKeyName(prop) !== ENV_PROPERTY) return;
      const propPath = (p as AnyNode).get('id', 'properties', i) as ASTPath;
      const valuePath = (propPath as AnyNode).get('value') as ASTPath;
      if (prop.value.type === 'ObjectPattern') collector.offPattern(valuePath, propPath, valuePath, 'process.env');
      else if (prop.value.type === 'Identifier' && (p.parent?.node as AnyNode)?.kind === 'const') {
        collector.throughAlias(valuePath, 'process.env');
      }
    });
  });
  // import { env } from 'node:process'
  root.find(j.ImportDeclaration).forEach((p: ASTPath) => {
    const node: AnyNode = p.node;
    const module = stringValue(node.source);
    if (module === undefined || !PROCESS_MODULES.has(module) || node.importKind === 'type') return;
    (node.specifiers as AnyNode[] | undefined)?.forEach((spec, i) => {
      if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') return;
      const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
      if (imported === ENV_PROPERTY) collector.throughAlias((p as AnyNode).get('specifiers', i, 'local') as ASTPath, 'process.env');
    });
  });
  return collector.found.sort((a, b) => startOf(a.path) - startOf(b.path));
}

function startOf(path: ASTPath): number {
  const node: AnyNode = path.node;
  return node.start ?? node.range?.[0] ?? 0;
}
