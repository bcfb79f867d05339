/**
 * Where an expression runs, for the jscodeshift AST flavour: may `await` be written there,
 * and does it run once while the module loads? Same answers as the OIDC rules give
 * (rules/utils/oidc-context.ts): parameters and class fields have no `await`, even inside
 * an async function; module scope counts as not awaitable (no top-level await is added).
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from './ast.js';

/**
 * - `async-function`: the body of an async function (`await` allowed)
 * - `function`: the body of a sync function, a parameter default, an instance field
 * - `class-initializer`: a static field or static block (runs at class definition)
 * - `module`: module scope
 */
export type EvaluationContext = 'async-function' | 'function' | 'class-initializer' | 'module';

const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

const FIELD_TYPES: ReadonlySet<string> = new Set([
  'ClassProperty',
  'ClassPrivateProperty',
  'ClassAccessorProperty',
  'PropertyDefinition',
  'AccessorProperty',
]);

export function isFunctionLike(node: AnyNode): boolean {
  return FUNCTION_TYPES.has(node?.type as string);
}

export function evaluationContext(path: ASTPath): EvaluationContext {
  let child: ASTPath = path;
  for (let current: ASTPath | null = path.parent; current; child = current, current = current.parent) {
    const node: AnyNode = current.node;
    if (isFunctionLike(node)) {
      // `child.name` is the key the child sits under in its parent: `params` for parameters.
      const inParams = child.parentPath?.name === 'params' || child.name === 'params';
      return node.async && !inParams ? 'async-function' : 'function';
    }
    if (node.type === 'StaticBlock') return 'class-initializer';
    if (FIELD_TYPES.has(node.type as string) && child.name === 'value') {
      return node.static ? 'class-initializer' : 'function';
    }
  }
  return 'module';
}

/** Whether `await` may be written in place of the expression at `path`. */
export function canAwaitAt(path: ASTPath): boolean {
  return evaluationContext(path) === 'async-function';
}

/** Whether the expression at `path` is evaluated once, while the module loads. */
export function runsAtModuleLoad(path: ASTPath): boolean {
  const context = evaluationContext(path);
  return context === 'module' || context === 'class-initializer';
}
