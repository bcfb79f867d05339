/**
 * Scope look-ups the rules share: the variable an identifier refers to, and whether it
 * refers to a global (not declared in the file: undeclared, or a configured global).
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

export function variableOf(sourceCode: SourceCode, id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(id), id);
}

/** Whether `id` is a global: no binding in the file shadows it (`fetch`, `console`, `process`). */
export function isGlobalReference(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, id);
  return !variable || variable.defs.length === 0;
}
