/**
 * The suggestion of fn/valid-after for a `headers()` / `cookies()` / `draftMode()` read inside
 * an `after()` callback: read it into a const just before the statement that calls `after()`,
 * and use that const in the callback. `await headers()` is hoisted whole when the statement
 * may `await`; otherwise only the call moves (the callback still awaits the promise it holds).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { canAwaitAt, isFunctionNode } from '../../lib/estree/ast.js';
import { freeName, namesInUse } from './import-fixer.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Names the Next.js docs use for these values. */
const HOISTED_NAMES: Readonly<Record<string, string>> = {
  headers: 'headersList',
  cookies: 'cookieStore',
  draftMode: 'draftModeState',
};

const isStatement = (n: TSESTree.Node): boolean => /(?:Statement|Declaration)$/.test(n.type);
const HOISTABLE_STATEMENTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
]);

function isBlockLike(n: TSESTree.Node): boolean {
  return (
    n.type === AST_NODE_TYPES.BlockStatement ||
    n.type === AST_NODE_TYPES.Program ||
    n.type === AST_NODE_TYPES.StaticBlock ||
    n.type === AST_NODE_TYPES.SwitchCase
  );
}

/**
 * The statement (expression statement, declaration or `return`, directly in a block) that
 * evaluates `node` exactly once, or undefined: `if (x) after(…)` (a const before the `if` would
 * read unconditionally), an arrow's expression body, a loop header.
 */
function enclosingStatement(node: TSESTree.Node): TSESTree.Statement | undefined {
  let n: TSESTree.Node = node;
  while (n.parent && !isStatement(n.parent)) {
    if (isFunctionNode(n.parent)) return undefined;
    n = n.parent;
  }
  const statement = n.parent;
  if (!statement?.parent || !HOISTABLE_STATEMENTS.has(statement.type) || !isBlockLike(statement.parent)) return undefined;
  return statement as TSESTree.Statement;
}

export interface HoistPlan {
  readonly name: string;
  fix(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

/** How to move `read` (a request API call inside the callback of `afterCall`) in front of `after()`. */
export function planHoist(sourceCode: SourceCode, read: TSESTree.CallExpression, api: string, afterCall: TSESTree.CallExpression): HoistPlan | undefined {
  const statement = enclosingStatement(afterCall);
  if (!statement) return undefined;
  const name = freeName(namesInUse(sourceCode), [HOISTED_NAMES[api] ?? `${api}Value`]);
  const awaited = read.parent.type === AST_NODE_TYPES.AwaitExpression && read.parent.argument === read ? read.parent : undefined;
  const moved: TSESTree.Node = awaited && canAwaitAt(statement) ? awaited : read;
  const lineStart = sourceCode.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const before = sourceCode.text.slice(lineStart, statement.range[0]);
  const indent = /^\s*$/.test(before) ? before : '';
  const separator = indent === before ? `\n${indent}` : ' ';
  return {
    name,
    fix: (fixer) => [
      fixer.insertTextBefore(statement, `const ${name} = ${sourceCode.getText(moved)};${separator}`),
      fixer.replaceText(moved, name),
    ],
  };
}
