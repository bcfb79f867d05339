/**
 * Fix building blocks for the OIDC rules: writing a getter call in place of a token read
 * (with its import), and removing an import or `require` binding once nothing uses it.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { OIDC_FACTS } from '../../lib/catalog.js';
import { planApiImport } from './import-fixer.js';
import { awaitNeedsParens, canAwaitAt } from '../../lib/estree/ast.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = TSESLint.RuleFix;

export interface GetterCall {
  /** Which getter the replacement calls. */
  readonly getter: typeof OIDC_FACTS.asyncGetter | typeof OIDC_FACTS.syncGetter;
  /** The text to write in place of `node`: `await getVercelOidcToken()` or `getVercelOidcTokenSync()`. */
  readonly text: string;
  readonly importFixes: (fixer: TSESLint.RuleFixer) => Fix[];
}

/**
 * The getter call that replaces the token read `node`: awaited in an async function body,
 * the sync getter anywhere else (module scope, sync functions, parameters, class fields).
 */
export function getterCallFor(context: Context, node: TSESTree.Node): GetterCall {
  const useAwait = canAwaitAt(node);
  const getter = useAwait ? OIDC_FACTS.asyncGetter : OIDC_FACTS.syncGetter;
  const plan = planApiImport(context, getter, node);
  let text = `${plan.expression}()`;
  if (useAwait) text = awaitNeedsParens(node) ? `(await ${text})` : `await ${text}`;
  return { getter, text, importFixes: (fixer) => plan.fixes(fixer) };
}

/** The range of a whole statement together with the line break before it (or after it, at the top). */
function statementRange(sourceCode: SourceCode, node: TSESTree.Node): TSESLint.AST.Range {
  const before = sourceCode.getTokenBefore(node, { includeComments: true });
  if (before) return [before.range[1], node.range[1]];
  const after = sourceCode.getTokenAfter(node, { includeComments: true });
  return [node.range[0], after ? after.range[0] : sourceCode.text.length];
}

/** The range of one element of a comma-separated list, with one adjacent comma. */
export function listElementRange(sourceCode: SourceCode, node: TSESTree.Node, isLast: boolean): TSESLint.AST.Range {
  if (!isLast) {
    const comma = sourceCode.getTokenAfter(node);
    const next = comma && sourceCode.getTokenAfter(comma, { includeComments: true });
    return [node.range[0], next ? next.range[0] : node.range[1]];
  }
  const comma = sourceCode.getTokenBefore(node);
  return [comma && comma.value === ',' ? comma.range[0] : node.range[0], node.range[1]];
}

export interface BindingRemoval {
  readonly range: TSESLint.AST.Range;
  /** The import/require statement, when the removal deletes all of it. */
  readonly statement?: TSESTree.Node;
}

/**
 * What removing the import/require binding of `variable` deletes, or undefined when it is
 * not one this helper knows how to remove cleanly.
 */
export function bindingRemoval(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): BindingRemoval | undefined {
  const statement = bindingStatement(variable);
  const range = bindingRemovalRange(sourceCode, variable);
  if (!range) return undefined;
  const whole = statement && range[0] <= statement.range[0] && range[1] >= statement.range[1];
  return whole ? { range, statement } : { range };
}

function bindingStatement(variable: TSESLint.Scope.Variable): TSESTree.Node | undefined {
  const def = variable.defs[0];
  if (def?.type === 'ImportBinding') return def.parent as TSESTree.Node;
  if (def?.type === 'Variable') return def.parent;
  return undefined;
}

function bindingRemovalRange(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): TSESLint.AST.Range | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  if (def.type === 'ImportBinding') {
    const decl = def.parent as TSESTree.ImportDeclaration;
    const spec = def.node;
    if (decl.specifiers.length === 1) return statementRange(sourceCode, decl);
    if (spec.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
    const named = decl.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    if (named.length === 1) {
      // `import def, { x } from 'm'` -> `import def from 'm'`
      const open = sourceCode.getTokenBefore(spec);
      const comma = open && sourceCode.getTokenBefore(open);
      const close = sourceCode.getTokenAfter(spec, { filter: (t) => t.value === '}' });
      if (!comma || comma.value !== ',' || !close) return undefined;
      return [comma.range[0], close.range[1]];
    }
    return listElementRange(sourceCode, spec, named[named.length - 1] === spec);
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    const declaration = def.parent;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      return declaration.declarations.length === 1 ? statementRange(sourceCode, declaration) : undefined;
    }
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    const props = declarator.id.properties;
    const prop = props.find((p) => p.type === AST_NODE_TYPES.Property && p.value === def.name);
    if (!prop) return undefined;
    if (props.length === 1) return declaration.declarations.length === 1 ? statementRange(sourceCode, declaration) : undefined;
    return listElementRange(sourceCode, prop, props[props.length - 1] === prop);
  }
  return undefined;
}

/** Whether every reference to `variable` lies inside one of `ranges` (i.e. the edit leaves it unused). */
export function unusedAfter(variable: TSESLint.Scope.Variable, ranges: readonly TSESLint.AST.Range[]): boolean {
  return variable.references.every(
    (ref) =>
      ref.init === true || // the declaration's own initialisation (`const x = require('m')`) is no use
      ranges.some(([start, end]) => ref.identifier.range[0] >= start && ref.identifier.range[1] <= end),
  );
}

/**
 * Whether an import-plan fix adds a whole new import/require statement (rather than
 * merging a specifier into an existing import).
 */
export function isNewImportStatement(fix: Fix): boolean {
  return fix.range[0] === fix.range[1] && /^\s*(?:import\s*\{|const\s*\{)[^]*(?:from\s*['"]|require\()/.test(fix.text);
}

/**
 * `required` plus those of `optional` that overlap neither `required` nor each other.
 * ESLint rejects a fix whose parts overlap; clean-ups are what gets dropped.
 */
export function withOptionalFixes(required: readonly Fix[], optional: readonly Fix[]): Fix[] {
  const out = [...required];
  const overlaps = (a: Fix, b: Fix): boolean =>
    a.range[0] < b.range[1] && b.range[0] < a.range[1]
      ? true
      : // two insertions (or an insertion at an edge) at one point are ambiguous too
        a.range[0] === b.range[0] && (a.range[0] === a.range[1] || b.range[0] === b.range[1]);
  for (const fix of optional) if (!out.some((f) => overlaps(f, fix))) out.push(fix);
  return out;
}
