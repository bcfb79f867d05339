/**
 * The methods of classes a module writes itself, for the promise analysis: which function
 * `audit.record(e)` calls when `audit` is `new AuditLog()` of a class of this module, which
 * `AuditLog.flush()` calls as a static, and which `this.save()` calls inside a method.
 * Methods are `name() {}` definitions and function-valued fields (`save = async () => {}`);
 * accessors, computed and `#private` names are not followed. A method a class does not
 * define is looked up on its superclass when that is a class of the module too.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { CallResult } from '../catalog.js';
import type { ExportFacts, MethodResults } from '../project-index/types.js';
import { functionOfInit, isFunctionNode, staticString, unwrapTypeWrappers, type FunctionNode } from './ast.js';
import { isNeverReassigned, variableOf, type ScopeSource } from './scope.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const MAX_SUPERCLASSES = 4;

function isClassNode(node: TSESTree.Node | null | undefined): node is ClassNode {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

/** The class a declaration or initializer holds (`class X {}`, `const X = class {}`). */
export function classOfNode(node: TSESTree.Node | null | undefined): ClassNode | undefined {
  return isClassNode(node) ? node : undefined;
}

function memberKey(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (member.key.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  if (!member.computed && member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  return member.computed ? staticString(member.key) : member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
}

/** A class member that is a method of the given kind: its name and function (`name() {}`, `name = async () => {}`). */
function memberMethod(member: TSESTree.ClassElement, isStatic: boolean): [string, FunctionNode] | undefined {
  if (member.type === AST_NODE_TYPES.MethodDefinition) {
    if (member.kind !== 'method' || member.static !== isStatic) return undefined;
    const name = memberKey(member);
    return name === undefined ? undefined : [name, member.value as FunctionNode];
  }
  if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.static !== isStatic) return undefined;
  const name = memberKey(member);
  const fn = functionOfInit(member.value);
  return name === undefined || !fn ? undefined : [name, fn];
}

type SuperOf = (expr: TSESTree.Expression) => ClassNode | undefined;

/** `cls` and the superclasses `superOf` resolves (classes of the module), nearest first. */
function* classChain(cls: ClassNode, superOf: SuperOf): Generator<ClassNode> {
  let current: ClassNode | undefined = cls;
  for (let depth = 0; current && depth <= MAX_SUPERCLASSES; depth++) {
    yield current;
    current = current.superClass ? superOf(current.superClass) : undefined;
  }
}

/** Method `name` of `cls` or of its superclasses, or undefined when no such class defines it. */
export function methodOf(cls: ClassNode, name: string, isStatic: boolean, superOf: SuperOf): FunctionNode | undefined {
  for (const current of classChain(cls, superOf)) {
    for (const member of current.body.body) {
      const method = memberMethod(member, isStatic);
      if (method?.[0] === name) return method[1];
    }
  }
  return undefined;
}

/** Every method `cls` has, its own first, then those of its superclasses. */
export function allMethods(cls: ClassNode, isStatic: boolean, superOf: SuperOf): Map<string, FunctionNode> {
  const methods = new Map<string, FunctionNode>();
  for (const current of classChain(cls, superOf)) {
    for (const member of current.body.body) {
      const method = memberMethod(member, isStatic);
      if (method && !methods.has(method[0])) methods.set(method[0], method[1]);
    }
  }
  return methods;
}

/** The class and kind of method that `this` at `node` belongs to (arrow functions see their outer `this`). */
export function thisClassAt(node: TSESTree.Node): { cls: ClassNode; isStatic: boolean } | undefined {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (isFunctionNode(n)) {
      const owner = n.parent;
      if (owner?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
      const cls = owner.parent.parent;
      return isClassNode(cls) ? { cls, isStatic: owner.static } : undefined;
    }
    // A field initializer's `this` is the instance (or the class, for a static field).
    if (n.type === AST_NODE_TYPES.PropertyDefinition) {
      const cls = n.parent.parent;
      return isClassNode(cls) ? { cls, isStatic: n.static } : undefined;
    }
  }
  return undefined;
}

/** What the class analysis needs from the promise analysis it is part of (./promise-syntax.ts). */
export interface ClassMethodsHost {
  readonly source: ScopeSource;
  returnsOf(fn: FunctionNode): CallResult | undefined;
  localInit(id: TSESTree.Identifier): TSESTree.Expression | undefined;
  /** The project index's facts about the import a node names (`AuditLog` of `import { AuditLog }`). */
  importedFacts(node: TSESTree.Node): ExportFacts | undefined;
  /** Runs `compute` unless `node` is already being computed (a cycle): then undefined. */
  guarded<T>(node: TSESTree.Node, compute: () => T | undefined): T | undefined;
}

export interface ClassMethods {
  /** What calling method `name` on `object` gives: a class of this module, or a class / instance another module exports. */
  methodCallKind(object: TSESTree.Node, name: string): CallResult | undefined;
  /** What methods on a value give, as export facts: a class (statics, instances' methods), or an instance. */
  methodFacts(node: TSESTree.Node): Pick<ExportFacts, 'methods' | 'instanceMethods'> | undefined;
}

const ownResult = (results: MethodResults | undefined, name: string): CallResult | undefined =>
  results && Object.hasOwn(results, name) ? results[name] : undefined;

export function createClassMethods(host: ClassMethodsHost): ClassMethods {
  const { source, returnsOf, localInit, importedFacts, guarded } = host;

  /** The class a binding holds: `class X {}`, or `const X = class {}` never reassigned. */
  const localClass = (id: TSESTree.Identifier): ClassNode | undefined => {
    const variable = variableOf(source, id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !def) return undefined;
    if (def.type === 'ClassName') return classOfNode(def.node);
    if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && isNeverReassigned(variable)) {
      return def.node.init ? classOfNode(unwrapTypeWrappers(def.node.init)) : undefined;
    }
    return undefined;
  };

  const superOf = (expr: TSESTree.Expression): ClassNode | undefined => {
    const node = unwrapTypeWrappers(expr);
    return node.type === AST_NODE_TYPES.Identifier ? localClass(node) : classOfNode(node);
  };

  const classOfCallee = (callee: TSESTree.Node): ClassNode | undefined =>
    callee.type === AST_NODE_TYPES.Identifier ? localClass(callee) : classOfNode(callee);

  const methodResult = (cls: ClassNode, name: string, isStatic: boolean): CallResult | undefined => {
    const fn = methodOf(cls, name, isStatic, superOf);
    return fn && returnsOf(fn);
  };

  const methodCallKind = (input: TSESTree.Node, name: string, depth = 0): CallResult | undefined => {
    const object = unwrapTypeWrappers(input);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const owner = thisClassAt(object);
      return owner && methodResult(owner.cls, name, owner.isStatic);
    }
    if (object.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrapTypeWrappers(object.callee);
      const cls = classOfCallee(callee);
      return cls ? methodResult(cls, name, false) : ownResult(importedFacts(callee)?.instanceMethods, name);
    }
    if (object.type !== AST_NODE_TYPES.Identifier || depth > 2) return undefined;
    // One look-up decides most receivers: a global (`console`) or a parameter (`res`) is no class of ours.
    const def = variableOf(source, object)?.defs[0];
    if (def?.type === 'ClassName') {
      const cls = classOfNode(def.node);
      return cls && methodResult(cls, name, true);
    }
    if (def?.type !== 'ImportBinding' && def?.type !== 'Variable') return undefined;
    const facts = importedFacts(object);
    if (facts) return ownResult(facts.methods, name);
    const cls = localClass(object);
    if (cls) return methodResult(cls, name, true);
    const init = localInit(object);
    return init && guarded(object, () => methodCallKind(init, name, depth + 1));
  };

  const resultsOf = (cls: ClassNode, isStatic: boolean): MethodResults | undefined => {
    const results: Record<string, CallResult> = {};
    for (const [name, fn] of allMethods(cls, isStatic, superOf)) {
      const result = returnsOf(fn);
      if (result) results[name] = result;
    }
    return Object.keys(results).length > 0 ? results : undefined;
  };

  const methodFacts = (input: TSESTree.Node): Pick<ExportFacts, 'methods' | 'instanceMethods'> | undefined => {
    const node = unwrapTypeWrappers(input);
    const cls = classOfNode(node);
    if (cls) {
      const methods = resultsOf(cls, true);
      const instanceMethods = resultsOf(cls, false);
      return methods || instanceMethods ? { ...(methods ? { methods } : {}), ...(instanceMethods ? { instanceMethods } : {}) } : undefined;
    }
    if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const callee = unwrapTypeWrappers(node.callee);
    const made = classOfCallee(callee);
    const methods = made ? resultsOf(made, false) : importedFacts(callee)?.instanceMethods;
    return methods ? { methods } : undefined;
  };

  return { methodCallKind: (object, name) => methodCallKind(object, name), methodFacts };
}
