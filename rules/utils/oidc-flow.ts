/**
 * Does an expression carry the OIDC token? Follows the value through local variables
 * (`const`/`let`/`var`, destructuring of the env var or header), template literals,
 * string concatenation, object and array literals, `??`/`||`/`?:`, string-preserving calls
 * (`String(t)`, `t.trim()`, `JSON.stringify(o)`, `encodeURIComponent(t)`), and the first
 * parameter of `getVercelOidcToken().then((t) => …)`.
 *
 * Limits (by design, it is syntactic): no tracking into or out of other functions
 * (parameters, return values), no tracking through object mutation or class fields, and a
 * variable counts as holding the token if ANY assignment to it carries one.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyKey, unwrapTypeWrappers } from '../../lib/estree/ast.js';
import { getTokenSources, type TokenSources } from './oidc-sources.js';
import { isGlobalReference, variableOf } from '../../lib/estree/scope.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

export interface TokenFlow {
  readonly sources: TokenSources;
  /** The value of `node` is, or contains, the token string. */
  carriesToken(node: TSESTree.Node): boolean;
  /** The value of `node` is a promise of the token (an unawaited async getter call, or a local holding one). */
  carriesTokenPromise(node: TSESTree.Node): boolean;
}

/** Global functions that return their (string) argument in another form. */
const STRING_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'encodeURIComponent', 'encodeURI', 'btoa', 'escape']);
/** String/array methods whose result still contains the receiver's text. */
const PRESERVING_METHODS: ReadonlySet<string> = new Set([
  'toString',
  'valueOf',
  'trim',
  'trimStart',
  'trimEnd',
  'concat',
  'join',
  'toJSON',
]);
/** Constructors whose string form holds their arguments. */
const URL_CONSTRUCTORS: ReadonlySet<string> = new Set(['URL', 'URLSearchParams']);

type Holding = 'token' | 'promise';

const cache = new WeakMap<object, TokenFlow>();

export function getTokenFlow(context: Context): TokenFlow {
  const sourceCode = context.sourceCode;
  let flow = cache.get(sourceCode);
  if (!flow) {
    flow = createTokenFlow(sourceCode, getTokenSources(context));
    cache.set(sourceCode, flow);
  }
  return flow;
}

function isGlobalName(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier, names: ReadonlySet<string>): boolean {
  return names.has(id.name) && isGlobalReference(sourceCode, id);
}

/** The property of an object pattern that binds `id` (one level, with or without a default). */
function patternProperty(id: TSESTree.Identifier): TSESTree.Property | undefined {
  let n: TSESTree.Node = id;
  if (n.parent?.type === AST_NODE_TYPES.AssignmentPattern && n.parent.left === n) n = n.parent;
  const prop = n.parent;
  if (prop?.type === AST_NODE_TYPES.Property && prop.value === n && prop.parent.type === AST_NODE_TYPES.ObjectPattern) {
    return prop;
  }
  return undefined;
}

/** The value of `key` in an object literal, when it is written there (last one wins). */
function literalProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | 'unknown' | undefined {
  let found: TSESTree.Node | 'unknown' | undefined;
  for (const p of object.properties) {
    if (p.type === AST_NODE_TYPES.SpreadElement) found = 'unknown';
    else if (p.computed && propertyKey(p) === undefined) found = 'unknown';
    else if (propertyKey(p) === key) found = p.value;
  }
  return found;
}

function createTokenFlow(sourceCode: Readonly<TSESLint.SourceCode>, sources: TokenSources): TokenFlow {
  const memo = new Map<Variable, Map<Holding, boolean>>();

  /** The value that a destructured binding `id` takes from `from`. */
  const destructuredHolds = (id: TSESTree.Identifier, from: TSESTree.Node, holding: Holding): boolean => {
    const prop = patternProperty(id);
    if (!prop || prop.parent.type !== AST_NODE_TYPES.ObjectPattern) return false;
    if (holding === 'token' && sources.destructuredSource(prop, from)) return true;
    const key = propertyKey(prop);
    const source = unwrapTypeWrappers(from);
    if (key !== undefined && source.type === AST_NODE_TYPES.ObjectExpression) {
      const value = literalProperty(source, key);
      if (value === undefined) return false;
      if (value === 'unknown') return holds(source, holding);
      return holds(value, holding);
    }
    return false;
  };

  const thenParameterHolds = (variable: Variable): boolean => {
    const def = variable.defs[0];
    if (def?.type !== 'Parameter') return false;
    const fn = def.node;
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
    if (fn.params[0] !== def.name) return false;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
    const callee = unwrapTypeWrappers(call.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' && carriesTokenPromise(callee.object)
    );
  };

  const variableHolds = (variable: Variable, holding: Holding): boolean => {
    let byHolding = memo.get(variable);
    if (!byHolding) {
      byHolding = new Map();
      memo.set(variable, byHolding);
    }
    const known = byHolding.get(holding);
    if (known !== undefined) return known;
    byHolding.set(holding, false); // cycle guard: `a = b; b = a` holds nothing
    let result = false;
    if (holding === 'token' && thenParameterHolds(variable)) result = true;
    for (const ref of variable.references) {
      if (result) break;
      if (!ref.isWrite()) continue;
      const id = ref.identifier;
      if (id.type !== AST_NODE_TYPES.Identifier) continue;
      const parent = id.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === id) {
        result = parent.init !== null && holds(parent.init, holding);
      } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === id) {
        result = holds(parent.right, holding);
      } else if (ref.writeExpr) {
        result = destructuredHolds(id, ref.writeExpr, holding);
      }
    }
    byHolding.set(holding, result);
    return result;
  };

  const holds = (node: TSESTree.Node, holding: Holding): boolean =>
    holding === 'token' ? carriesToken(node) : carriesTokenPromise(node);

  const memberCarries = (node: TSESTree.MemberExpression): boolean => {
    const name = memberName(node);
    if (name === 'length') return false;
    const object = unwrapTypeWrappers(node.object);
    if (name !== undefined && object.type === AST_NODE_TYPES.Identifier) {
      // `opts.url` where `const opts = { url, token }`: only the property read matters.
      const variable = variableOf(sourceCode, object);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (
        def?.type === 'Variable' &&
        def.parent.kind === 'const' &&
        def.node.id === def.name &&
        def.node.init?.type === AST_NODE_TYPES.ObjectExpression
      ) {
        const value = literalProperty(def.node.init, name);
        if (value === undefined) return false;
        if (value !== 'unknown') return carriesToken(value);
      }
    }
    return carriesToken(object);
  };

  const callCarries = (node: TSESTree.CallExpression): boolean => {
    const callee = unwrapTypeWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      return isGlobalName(sourceCode, callee, STRING_FUNCTIONS) && node.arguments.some(carriesToken);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee);
    if (method === undefined) return false;
    const object = unwrapTypeWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'JSON' || object.name === 'Buffer')) {
      const fn = object.name === 'JSON' ? 'stringify' : 'from';
      return method === fn && node.arguments[0] !== undefined && carriesToken(node.arguments[0]);
    }
    if (!PRESERVING_METHODS.has(method)) return false;
    return carriesToken(callee.object) || (method === 'concat' && node.arguments.some(carriesToken));
  };

  function carriesToken(node: TSESTree.Node): boolean {
    if (!sources.mayMentionToken) return false;
    const kind = sources.kindOf(node);
    if (kind !== undefined) return kind !== 'promise';
    const n = unwrapTypeWrappers(node);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOf(sourceCode, n);
        return variable !== null && variableHolds(variable, 'token');
      }
      case AST_NODE_TYPES.AwaitExpression:
        return carriesToken(n.argument) || carriesTokenPromise(n.argument);
      case AST_NODE_TYPES.TemplateLiteral:
        return n.expressions.some(carriesToken);
      case AST_NODE_TYPES.BinaryExpression:
        return n.operator === '+' && (carriesToken(n.left) || carriesToken(n.right));
      case AST_NODE_TYPES.LogicalExpression:
        return n.operator === '&&' ? carriesToken(n.right) : carriesToken(n.left) || carriesToken(n.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return carriesToken(n.consequent) || carriesToken(n.alternate);
      case AST_NODE_TYPES.ObjectExpression:
        return n.properties.some((p) =>
          p.type === AST_NODE_TYPES.SpreadElement ? carriesToken(p.argument) : carriesToken(p.value),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return n.elements.some(
          (e) => e !== null && (e.type === AST_NODE_TYPES.SpreadElement ? carriesToken(e.argument) : carriesToken(e)),
        );
      case AST_NODE_TYPES.SequenceExpression:
        return carriesToken(n.expressions[n.expressions.length - 1]!);
      case AST_NODE_TYPES.AssignmentExpression:
        return carriesToken(n.right);
      case AST_NODE_TYPES.MemberExpression:
        return memberCarries(n);
      case AST_NODE_TYPES.CallExpression:
        return callCarries(n);
      case AST_NODE_TYPES.NewExpression:
        // `new URLSearchParams({ token })` stringifies to a query string holding it.
        return (
          n.callee.type === AST_NODE_TYPES.Identifier &&
          isGlobalName(sourceCode, n.callee, URL_CONSTRUCTORS) &&
          n.arguments.some(carriesToken)
        );
      default:
        return false;
    }
  }

  function carriesTokenPromise(node: TSESTree.Node): boolean {
    if (!sources.mayCallGetter) return false;
    if (sources.kindOf(node) === 'promise') return true;
    const n = unwrapTypeWrappers(node);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOf(sourceCode, n);
        return variable !== null && variableHolds(variable, 'promise');
      }
      case AST_NODE_TYPES.LogicalExpression:
        return carriesTokenPromise(n.left) || carriesTokenPromise(n.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return carriesTokenPromise(n.consequent) || carriesTokenPromise(n.alternate);
      case AST_NODE_TYPES.SequenceExpression:
        return carriesTokenPromise(n.expressions[n.expressions.length - 1]!);
      case AST_NODE_TYPES.AssignmentExpression:
        return carriesTokenPromise(n.right);
      default:
        return false;
    }
  }

  return { sources, carriesToken, carriesTokenPromise };
}
