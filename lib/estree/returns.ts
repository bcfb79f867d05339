/**
 * How a function body ends, on ESTree: the expressions it returns, and whether it always
 * leaves through `return` / `throw` (so it never falls off the end with undefined).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** The expressions a function body returns (nested functions excluded); a bare `return;` is null. */
export function returnedExpressions(block: TSESTree.BlockStatement): (TSESTree.Expression | null)[] {
  const out: (TSESTree.Expression | null)[] = [];
  const visit = (stmt: TSESTree.Statement | null | undefined): void => {
    if (!stmt) return;
    switch (stmt.type) {
      case AST_NODE_TYPES.ReturnStatement:
        out.push(stmt.argument ?? null);
        return;
      case AST_NODE_TYPES.BlockStatement:
        stmt.body.forEach(visit);
        return;
      case AST_NODE_TYPES.IfStatement:
        visit(stmt.consequent);
        visit(stmt.alternate);
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(stmt.block);
        visit(stmt.handler?.body);
        visit(stmt.finalizer);
        return;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
        visit(stmt.body);
        return;
      case AST_NODE_TYPES.SwitchStatement:
        for (const c of stmt.cases) c.consequent.forEach(visit);
        return;
      default:
        return;
    }
  };
  block.body.forEach(visit);
  return out;
}

/** Whether a statement never completes normally: it ends in `return` or `throw` on every branch. */
export function alwaysCompletesAbruptly(stmt: TSESTree.Statement | null | undefined): boolean {
  switch (stmt?.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = stmt.body[stmt.body.length - 1];
      return last !== undefined && alwaysCompletesAbruptly(last);
    }
    case AST_NODE_TYPES.IfStatement:
      return alwaysCompletesAbruptly(stmt.consequent) && alwaysCompletesAbruptly(stmt.alternate);
    case AST_NODE_TYPES.TryStatement:
      return (
        alwaysCompletesAbruptly(stmt.finalizer) ||
        (alwaysCompletesAbruptly(stmt.block) && (!stmt.handler || alwaysCompletesAbruptly(stmt.handler.body)))
      );
    default:
      return false;
  }
}
