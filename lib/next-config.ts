/**
 * Reads a flag of `next.config.{js,mjs,cjs,ts}` statically: the file is parsed, never run.
 * The config object is found behind `module.exports =` / `export default`, directly or
 * through a `const` of the same file (type annotations, `satisfies` and `as` are looked
 * through). Anything the parser cannot pin down (a function config, a wrapper call, a
 * spread, a computed value) is `unknown`, and callers stay silent on it.
 * Results are cached per config path and mtime.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { NEXT_FACTS } from './catalog.js';
import { isModuleExports } from './estree/ast.js';

/** `on`: set to `true`; `off`: absent or a literal other than `true`; `unknown`: not statically readable. */
export type ConfigFlag = 'on' | 'off' | 'unknown';

/** The config file Next.js would read in `dir`, or undefined when there is none. */
export function findNextConfig(dir: string): string | undefined {
  for (const name of NEXT_FACTS.configFiles) {
    const file = join(dir, name);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}

type Consts = ReadonlyMap<string, TSESTree.Expression>;

/** The config object of a file and the top-level consts its values may refer to. */
interface ParsedConfig {
  readonly root: TSESTree.Expression | null;
  readonly consts: Consts;
}

const cache = new Map<string, { mtimeMs: number; parsed: ParsedConfig }>();

/** The parsed config file (root null when the config cannot be found statically). */
function parsedConfig(file: string): ParsedConfig {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { root: null, consts: new Map() };
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.parsed;
  let parsed: ParsedConfig;
  try {
    const program = parse(readFileSync(file, 'utf8'), { sourceType: 'module', range: true, jsx: false });
    parsed = exportedConfig(program);
  } catch {
    parsed = { root: null, consts: new Map() };
  }
  if (cache.size > 200) cache.clear();
  cache.set(file, { mtimeMs, parsed });
  return parsed;
}

/** `module.exports = X` or `export default X`, with X resolved through top-level consts. */
function exportedConfig(program: TSESTree.Program): ParsedConfig {
  const consts = new Map<string, TSESTree.Expression>();
  let exported: TSESTree.Expression | null = null;
  for (const stmt of program.body) {
    const decl = stmt.type === AST_NODE_TYPES.ExportNamedDeclaration ? stmt.declaration : stmt;
    if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of decl.declarations) {
        if (d.id.type === AST_NODE_TYPES.Identifier && d.init) {
          // A `let` that is reassigned later could differ: only `const` counts.
          if (decl.kind === 'const') consts.set(d.id.name, d.init);
        }
      }
    }
    if (stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const value = stmt.declaration;
      exported = isExpression(value) ? value : null;
    }
    if (
      stmt.type === AST_NODE_TYPES.ExpressionStatement &&
      stmt.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      isModuleExports(stmt.expression.left)
    ) {
      exported = stmt.expression.right;
    }
  }
  return { root: exported ? resolveValue(exported, consts, 0) : null, consts };
}

function isExpression(node: TSESTree.Node): node is TSESTree.Expression {
  return (
    node.type !== AST_NODE_TYPES.FunctionDeclaration &&
    node.type !== AST_NODE_TYPES.ClassDeclaration &&
    node.type !== AST_NODE_TYPES.TSDeclareFunction &&
    node.type !== AST_NODE_TYPES.TSInterfaceDeclaration &&
    node.type !== AST_NODE_TYPES.TSTypeAliasDeclaration &&
    node.type !== AST_NODE_TYPES.TSEnumDeclaration &&
    node.type !== AST_NODE_TYPES.TSModuleDeclaration &&
    node.type !== AST_NODE_TYPES.VariableDeclaration
  );
}


/** Looks through `as` / `satisfies` / `!` and `const` references; null for anything else dynamic. */
function resolveValue(node: TSESTree.Expression, consts: Consts, depth: number): TSESTree.Expression | null {
  if (depth > 8) return null;
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return resolveValue(node.expression, consts, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const init = consts.get(node.name);
      return init ? resolveValue(init, consts, depth + 1) : null;
    }
    default:
      return node;
  }
}

function propertyName(prop: TSESTree.Property): string | undefined {
  if (!prop.computed && prop.key.type === AST_NODE_TYPES.Identifier) return prop.key.name;
  if (prop.key.type === AST_NODE_TYPES.Literal && typeof prop.key.value === 'string') return prop.key.value;
  return undefined;
}

/** The flag at `path` in an object literal: the last property of that name wins, as at run time. */
function flagIn(node: TSESTree.Expression | null, path: readonly string[], consts: Consts): ConfigFlag {
  if (!node || node.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  const [head, ...rest] = path;
  let found: TSESTree.Node | undefined;
  for (const prop of node.properties) {
    // A spread could set the flag (or an object holding it) from anywhere.
    if (prop.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
    const name = propertyName(prop);
    if (name === undefined) return 'unknown';
    if (name === head) found = prop.value;
  }
  if (!found) return 'off';
  const value = resolveValue(found as TSESTree.Expression, consts, 0);
  if (rest.length > 0) return flagIn(value, rest, consts);
  if (value?.type === AST_NODE_TYPES.Literal) return value.value === true ? 'on' : 'off';
  return 'unknown';
}

/**
 * The state of a config flag (`['experimental', 'after']`) in the project directory `dir`:
 * `off` when there is no config file at all.
 */
export function readNextConfigFlag(dir: string, path: readonly string[]): ConfigFlag {
  const file = findNextConfig(dir);
  if (!file) return 'off';
  const { root, consts } = parsedConfig(file);
  if (!root) return 'unknown';
  return flagIn(root, path, consts);
}

/** For tests: forget cached parses. */
export function clearNextConfigCache(): void {
  cache.clear();
}
