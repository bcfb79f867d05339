/**
 * fn/prefer-get-env: `process.env.<system variable>` reads -> `getEnv().<NAME>`.
 */
import { basename } from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { GET_ENV_KEYS } from '../lib/catalog.js';
import { createRule } from './utils/create-rule.js';
import { envNameListSchema, envReadListener, mayReadEnv, type EnvRead } from './utils/env-reads.js';
import { getApiResolver } from './utils/api-imports.js';
import { directivesOf, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { chooseApiImportModule, planApiImport } from './utils/import-fixer.js';

type MessageId = 'preferGetEnv';
type Options = [{ allow?: string[] }];

const GET_ENV = 'getEnv';
const KEYS: ReadonlySet<string> = new Set(GET_ENV_KEYS);
/** Build-tool configs (next.config.js, playwright.config.ts, …) run outside any function. */
const TOOL_CONFIG_FILE = /\.config\.[cm]?[jt]s$/;

/** For a destructuring read: the env-object expression to replace when the whole pattern can move to getEnv(). */
function wholePatternSource(read: EnvRead, allowed: (name: string) => boolean): TSESTree.Node | undefined {
  const pattern = read.pattern;
  const owner = pattern?.parent;
  if (!pattern || !owner) return undefined;
  const source =
    owner.type === AST_NODE_TYPES.VariableDeclarator && owner.id === pattern
      ? owner.init
      : owner.type === AST_NODE_TYPES.AssignmentExpression && owner.left === pattern
        ? owner.right
        : undefined;
  if (!source || unwrapTypeWrappers(source) !== unwrapTypeWrappers(read.envObject)) return undefined;
  const allKeys = pattern.properties.every(
    (p) =>
      p.type === AST_NODE_TYPES.Property &&
      !p.computed &&
      p.key.type === AST_NODE_TYPES.Identifier &&
      KEYS.has(p.key.name) &&
      allowed(p.key.name),
  );
  return allKeys ? source : undefined;
}

export default createRule<Options, MessageId>({
  name: 'prefer-get-env',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `getEnv()` from the functions API over reading system variables from `process.env`',
      recommended: true,
    },
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          allow: envNameListSchema('System variables that may still be read from process.env (e.g. CI in test setup).'),
        },
        additionalProperties: false,
      },
    ],
    messages: {
      preferGetEnv:
        'Read `{{name}}` with `getEnv().{{name}}` from the functions API: typed, documented, and an empty value reads as undefined.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayReadEnv(sourceCode.text)) return {};
    // getEnv() reads the server's environment: not for code that also runs in the browser.
    if (directivesOf(sourceCode.ast.body).includes('use client') || TOOL_CONFIG_FILE.test(basename(context.filename))) return {};
    const allow = new Set(options.allow ?? []);
    let usesFunctionsApi: boolean | undefined;
    /** A project without any functions package gets no advice to add one (style, not a bug). */
    const projectHasApi = (): boolean =>
      (usesFunctionsApi ??= chooseApiImportModule(sourceCode, context.filename, GET_ENV, getApiResolver(context).extraModules).resolvable);
    const allowed = (name: string): boolean => !allow.has(name);
    /** Patterns already given their one fix (a pattern reports each key, fixes once). */
    const fixedPatterns = new Set<TSESTree.Node>();

    const fixFor = (read: EnvRead): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined => {
      let target: TSESTree.Node;
      let replacement: (getEnv: string) => string;
      if (read.syntax === 'member') {
        target = read.node;
        replacement = (getEnv) => `${getEnv}().${read.name}`;
      } else {
        const source = wholePatternSource(read, allowed);
        if (!source || !read.pattern || fixedPatterns.has(read.pattern)) return undefined;
        fixedPatterns.add(read.pattern);
        target = source;
        replacement = (getEnv) => `${getEnv}()`;
      }
      const plan = planApiImport(context, GET_ENV, target);
      return (fixer) => [...plan.fixes(fixer), fixer.replaceText(target, replacement(plan.expression))];
    };

    return envReadListener(sourceCode, (read) => {
      if (read.via !== 'process.env' || !KEYS.has(read.name) || !allowed(read.name) || read.inTypeof) return;
      if (!projectHasApi()) return;
      const fix = fixFor(read);
      context.report({
        node: read.node,
        messageId: 'preferGetEnv',
        data: { name: read.name },
        ...(fix ? { fix } : {}),
      });
    });
  },
});
