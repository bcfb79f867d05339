/**
 * Reads of environment variables, recognised once for every rule that cares about one
 * (misspelt system variables, `getEnv()`, the OIDC token):
 *
 *   process.env.NAME      process.env['NAME']     process?.env?.NAME     import.meta.env.NAME
 *   const { NAME, OTHER: alias, THIRD = 'x' } = process.env        ({ NAME } = process.env)
 *   const env = process.env; env.NAME       const { env } = process; env.NAME
 *   import { env } from 'node:process'; env.NAME       import process from 'node:process'
 *
 * Writes (`process.env.NAME = …`, `delete`, `++`, assignment targets) are not reads. A local
 * `process` (parameter, variable, import from another module) is not the real one.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { requiredModule } from './api-imports.js';
import { importedName, memberName, outermostValueWrapper, propertyKey, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { isWriteTarget } from './header-reads.js';
import { variableOf } from '../../lib/estree/scope.js';
import { ENV_PROPERTY, PROCESS_GLOBAL, PROCESS_MODULES } from '../../lib/env-facts.js';

type SourceCode = Readonly<TSESLint.SourceCode>;


export interface EnvRead {
  /** The variable name, as written. */
  readonly name: string;
  /** `member`: `<env>.NAME` / `<env>['NAME']`; `destructure`: a property of a pattern over `<env>`. */
  readonly syntax: 'member' | 'destructure';
  /** The member expression, or the pattern's Property. */
  readonly node: TSESTree.MemberExpression | TSESTree.Property;
  /** What spells the name: the member's property, or the Property's key. */
  readonly nameNode: TSESTree.Node;
  /** The env object expression read from (`process.env`, `import.meta.env`, or an alias identifier). */
  readonly envObject: TSESTree.Node;
  /** Where the object comes from. */
  readonly via: 'process.env' | 'import.meta.env';
  /** For `destructure`: the whole pattern (other properties may be other variables). */
  readonly pattern?: TSESTree.ObjectPattern;
  /** The read is the operand of `typeof`. */
  readonly inTypeof: boolean;
}

/** The real `process`: the global (undeclared or a configured global), or imported (any local name) from `process`/`node:process`. */
export function isRealProcess(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, id);
  if (!variable || variable.defs.length === 0) return id.name === PROCESS_GLOBAL;
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || !def) return false;
  if (def.type === 'ImportBinding') {
    const spec = def.node;
    return (
      def.parent.type === AST_NODE_TYPES.ImportDeclaration &&
      PROCESS_MODULES.has(def.parent.source.value) &&
      (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier || spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier)
    );
  }
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier) {
    const module = requiredModule(def.node.init);
    return module !== undefined && PROCESS_MODULES.has(module);
  }
  return false;
}

/** Alias chains longer than this (`const a = process.env; const b = a; …`) are not followed. */
const MAX_ALIAS_DEPTH = 4;

/**
 * `process.env` (real process) or `import.meta.env`, or a `const` bound to one of them
 * (`const env = process.env`, `const { env } = process`, `import { env } from 'node:process'`):
 * which one, else undefined. The listener below finds the same aliases from their declarations.
 */
export function envObjectKind(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): EnvRead['via'] | undefined {
  const n = unwrapTypeWrappers(node);
  if (n.type === AST_NODE_TYPES.Identifier) return depth < MAX_ALIAS_DEPTH ? aliasKind(sourceCode, n, depth + 1) : undefined;
  if (n.type !== AST_NODE_TYPES.MemberExpression || memberName(n) !== ENV_PROPERTY) return undefined;
  const object = unwrapTypeWrappers(n.object);
  if (object.type === AST_NODE_TYPES.Identifier) return isRealProcess(sourceCode, object) ? 'process.env' : undefined;
  if (object.type === AST_NODE_TYPES.MetaProperty && object.meta.name === 'import' && object.property.name === 'meta') {
    return 'import.meta.env';
  }
  return undefined;
}

function aliasKind(sourceCode: SourceCode, id: TSESTree.Identifier, depth: number): EnvRead['via'] | undefined {
  const variable = variableOf(sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'ImportBinding') {
    const spec = def.node;
    const decl = def.parent;
    return decl.type === AST_NODE_TYPES.ImportDeclaration &&
      decl.importKind !== 'type' &&
      PROCESS_MODULES.has(decl.source.value) &&
      spec.type === AST_NODE_TYPES.ImportSpecifier &&
      spec.importKind !== 'type' &&
      importedName(spec) === ENV_PROPERTY
      ? 'process.env'
      : undefined;
  }
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
  if (def.node.id === def.name) return envObjectKind(sourceCode, def.node.init, depth);
  // const { env } = process  /  const { env: e } = process
  const prop = def.name.parent;
  const init = def.node.init;
  return prop?.type === AST_NODE_TYPES.Property &&
    prop.value === def.name &&
    prop.parent === def.node.id &&
    propertyKey(prop) === ENV_PROPERTY &&
    init.type === AST_NODE_TYPES.Identifier &&
    isRealProcess(sourceCode, init)
    ? 'process.env'
    : undefined;
}

/** The read that the member expression `member` makes off the env object `envObject`, unless it is a write. */
function memberRead(member: TSESTree.MemberExpression, envObject: TSESTree.Node, via: EnvRead['via']): EnvRead | undefined {
  const name = memberName(member);
  if (name === undefined || isWriteTarget(member)) return undefined;
  const usage = outermostValueWrapper(member).parent;
  return {
    name,
    syntax: 'member',
    node: member,
    nameNode: member.property,
    envObject,
    via,
    inTypeof: usage?.type === AST_NODE_TYPES.UnaryExpression && usage.operator === 'typeof',
  };
}

/**
 * The env read `node` is, asked of one node (for analyses that follow values, where a
 * listener comes too late): `<env>.NAME` with `<env>` as in envObjectKind. `wanted` is
 * checked first, before any scope work.
 */
export function envMemberRead(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  wanted: (name: string) => boolean,
): EnvRead | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(node);
  if (name === undefined || !wanted(name)) return undefined;
  const via = envObjectKind(sourceCode, node.object);
  return via && memberRead(node, node.object, via);
}

/**
 * Every env read off the env object `object` (a `process.env` expression or an identifier
 * bound to one): member reads on it, a destructuring pattern it initialises or is assigned
 * to, and, when it initialises a `const` alias, the reads through that alias.
 */
function readsOffEnvObject(
  sourceCode: SourceCode,
  object: TSESTree.Node,
  via: EnvRead['via'],
  onRead: (read: EnvRead) => void,
): void {
  const used = outermostValueWrapper(object);
  const parent = used.parent;
  if (!parent) return;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === used) {
    const read = memberRead(parent, object, via);
    if (read) onRead(read);
    return;
  }
  const pattern =
    parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === used
      ? parent.id
      : parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === used && parent.operator === '='
        ? parent.left
        : undefined;
  if (pattern?.type === AST_NODE_TYPES.ObjectPattern) {
    readsOffPattern(pattern, object, via, onRead);
    return;
  }
  if (
    pattern?.type === AST_NODE_TYPES.Identifier &&
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.parent.kind === 'const'
  ) {
    readsThroughAlias(sourceCode, pattern, via, onRead);
  }
}

function readsOffPattern(
  pattern: TSESTree.ObjectPattern,
  envObject: TSESTree.Node,
  via: EnvRead['via'],
  onRead: (read: EnvRead) => void,
): void {
  for (const prop of pattern.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyKey(prop);
    if (name === undefined) continue;
    onRead({ name, syntax: 'destructure', node: prop, nameNode: prop.key, envObject, via, pattern, inTypeof: false });
  }
}

/** Reads through a `const` bound to the env object (`const env = process.env`, `import { env } from 'node:process'`). */
function readsThroughAlias(
  sourceCode: SourceCode,
  id: TSESTree.Identifier,
  via: EnvRead['via'],
  onRead: (read: EnvRead) => void,
): void {
  const variable = variableOf(sourceCode, id);
  if (!variable) return;
  for (const ref of variable.references) {
    if (ref.init || !ref.isReadOnly()) continue;
    readsOffEnvObject(sourceCode, ref.identifier, via, onRead);
  }
}

/** The JSON schema of an option listing env variable names (the env rules' `allow`). */
export function envNameListSchema(description: string) {
  return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description } as const;
}

/** Cheap text test: can this file read an env variable at all? */
export function mayReadEnv(text: string): boolean {
  return text.includes(ENV_PROPERTY);
}

/**
 * Visitors that call `onRead` once for every env read in the file. The keys are selector
 * strings specific to this helper, so a rule can spread them next to its own visitors.
 */
export function envReadListener(sourceCode: SourceCode, onRead: (read: EnvRead) => void): TSESLint.RuleListener {
  const onEnvMember = (node: TSESTree.MemberExpression): void => {
    const via = envObjectKind(sourceCode, node);
    if (via) readsOffEnvObject(sourceCode, node, via, onRead);
  };
  return {
    [`MemberExpression[property.name="${ENV_PROPERTY}"]`]: onEnvMember,
    [`MemberExpression[computed=true][property.value="${ENV_PROPERTY}"]`]: onEnvMember,
    // const { env } = process  /  const { env: { NAME } } = process
    [`VariableDeclarator[init.type="Identifier"][init.name="${PROCESS_GLOBAL}"][id.type="ObjectPattern"]`]: (
      node: TSESTree.VariableDeclarator,
    ) => {
      if (node.id.type !== AST_NODE_TYPES.ObjectPattern || node.init?.type !== AST_NODE_TYPES.Identifier) return;
      if (!isRealProcess(sourceCode, node.init)) return;
      for (const prop of node.id.properties) {
        if (prop.type !== AST_NODE_TYPES.Property || propertyKey(prop) !== ENV_PROPERTY) continue;
        if (prop.value.type === AST_NODE_TYPES.ObjectPattern) readsOffPattern(prop.value, prop.value, 'process.env', onRead);
        else if (prop.value.type === AST_NODE_TYPES.Identifier && node.parent.kind === 'const') {
          readsThroughAlias(sourceCode, prop.value, 'process.env', onRead);
        }
      }
    },
    // import { env } from 'node:process'
    'ImportDeclaration[source.value=/^(node:)?process$/]': (node: TSESTree.ImportDeclaration) => {
      if (!PROCESS_MODULES.has(node.source.value) || node.importKind === 'type') return;
      for (const spec of node.specifiers) {
        if (spec.type !== AST_NODE_TYPES.ImportSpecifier || spec.importKind === 'type') continue;
        if (importedName(spec) === ENV_PROPERTY) readsThroughAlias(sourceCode, spec.local, 'process.env', onRead);
      }
    },
  };
}
