/**
 * fn/require-url-scheme: a system variable that holds a bare host name (`VERCEL_URL`, …; the
 * catalog's `hostWithoutScheme`) at the start of a URL handed to fetch, `new URL`, a redirect
 * or a `url`/`baseURL` option -> prefix `https://`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { HOST_WITHOUT_SCHEME_ENV_NAMES } from '../lib/catalog.js';
import { resolveImported } from './utils/api-imports.js';
import { memberName, propertyKey, staticString, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { constBinding, getEnvValues } from './utils/env-values.js';
import { isGlobalReference, variableOf } from '../lib/estree/scope.js';

type MessageId = 'missingScheme';
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

const SCHEME = 'https://';
/** `http://…` (a bare `localhost:3000` also parses as scheme `localhost:`, so the `//` is required). */
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
/** Object properties that configure a URL (axios `baseURL`, tRPC links' `url`, …). */
const URL_OPTION_KEYS: ReadonlySet<string> = new Set(['url', 'baseURL', 'baseUrl']);
/** fetch implementations whose `fetch` (named or default export) takes a URL first. */
const FETCH_MODULES: ReadonlySet<string> = new Set(['node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch']);
const NEXT_SERVER = 'next/server';
const NEXT_NAVIGATION = 'next/navigation';
const NEXT_RESPONSE_URL_METHODS: ReadonlySet<string> = new Set(['redirect', 'rewrite']);
const NEXT_REDIRECTS: ReadonlySet<string> = new Set(['redirect', 'permanentRedirect']);
/** A test that looks at a value's scheme (`host.startsWith('http')`, `/^https?:/.test(host)`). */
const SCHEME_CHECK = /startsWith|:\/\/|https?\b|\bURL\.canParse/;
const MAX_CONST_DEPTH = 4;

interface HostRead {
  readonly name: string;
  /** Prefixing `https://` keeps a fallback right (`VERCEL_URL ?? 'localhost:3000'`, not `?? 'http://…'`). */
  readonly fixable: boolean;
}

interface Finding {
  /** The host read to report. */
  readonly node: TSESTree.Node;
  readonly name: string;
  readonly fix: Fix | undefined;
}

export default createRule<[], MessageId>({
  name: 'require-url-scheme',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a scheme before system variables that hold a bare host name (`VERCEL_URL`) at the start of a URL',
      recommended: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      missingScheme:
        '`{{name}}` is a host name without a scheme (like `my-app-abc123.vercel.app`), so the URL given to {{sink}} is not absolute and fails at run time: start it with `https://`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    if (![...HOST_WITHOUT_SCHEME_ENV_NAMES].some((name) => text.includes(name))) return {};
    const envValues = getEnvValues(context);
    const reported = new Set<TSESTree.Node>();

    const hostRead = (node: TSESTree.Node): HostRead | undefined => {
      const n = unwrapTypeWrappers(node);
      if (n.type === AST_NODE_TYPES.LogicalExpression && (n.operator === '??' || n.operator === '||')) {
        const left = hostRead(n.left);
        const fallback = staticString(n.right);
        return left && { name: left.name, fixable: left.fixable && fallback !== undefined && !HAS_SCHEME.test(fallback) };
      }
      const name = envValues.variableOf(n);
      return name !== undefined && HOST_WITHOUT_SCHEME_ENV_NAMES.has(name) ? { name, fixable: true } : undefined;
    };

    /** `` `https://${<node>}` `` in place of `node`. */
    const wrapFix = (node: TSESTree.Node): Fix => (fixer) =>
      fixer.replaceText(node, `\`${SCHEME}\${${sourceCode.getText(node)}}\``);

    /** The host read at the very start of the URL `node` builds, if there is one. */
    const urlHead = (node: TSESTree.Node, depth: number): Finding | undefined => {
      const direct = hostRead(node);
      if (direct) return { node: unwrapTypeWrappers(node), name: direct.name, fix: direct.fixable ? wrapFix(node) : undefined };
      const n = unwrapTypeWrappers(node);
      if (n.type === AST_NODE_TYPES.TemplateLiteral) {
        const first = n.expressions[0];
        if (!first || n.quasis[0]?.value.cooked !== '') return undefined;
        const read = hostRead(first);
        if (!read) return urlHead(first, depth);
        const start = n.range[0];
        return {
          node: unwrapTypeWrappers(first),
          name: read.name,
          fix: read.fixable ? (fixer) => fixer.insertTextAfterRange([start, start + 1], SCHEME) : undefined,
        };
      }
      if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') return urlHead(n.left, depth);
      if (n.type === AST_NODE_TYPES.Identifier && depth < MAX_CONST_DEPTH) {
        // const base = `${process.env.VERCEL_URL}`; fetch(base + '/x'): the fix goes to the const.
        const binding = constBinding(sourceCode, n);
        return binding && binding.declarator.id === binding.name ? urlHead(binding.init, depth + 1) : undefined;
      }
      return undefined;
    };

    /** The URL use sits where a test already looked at the host's scheme. */
    const checkedAt = (use: TSESTree.Node, finding: Finding): boolean => {
      const hostText = sourceCode.getText(finding.node);
      for (let child: TSESTree.Node = use, n = use.parent; n; child = n, n = n.parent) {
        const test =
          (n.type === AST_NODE_TYPES.IfStatement && n.test !== child) ||
          (n.type === AST_NODE_TYPES.ConditionalExpression && n.test !== child)
            ? n.test
            : n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '&&' && n.right === child
              ? n.left
              : undefined;
        if (!test) continue;
        const testText = sourceCode.getText(test);
        if (testText.includes(hostText) && SCHEME_CHECK.test(testText)) return true;
      }
      return false;
    };

    const checkUrl = (url: TSESTree.Node | undefined, sink: string): void => {
      if (!url || url.type === AST_NODE_TYPES.SpreadElement) return;
      const finding = urlHead(url, 0);
      if (!finding || reported.has(finding.node) || checkedAt(url, finding)) return;
      reported.add(finding.node);
      context.report({
        node: finding.node,
        messageId: 'missingScheme',
        data: { name: finding.name, sink },
        ...(finding.fix ? { fix: finding.fix } : {}),
      });
    };

    /** `import fetch from 'node-fetch'` (any local name). */
    const isDefaultImportOf = (id: TSESTree.Identifier, modules: ReadonlySet<string>): boolean => {
      const def = variableOf(sourceCode, id)?.defs[0];
      return (
        def?.type === 'ImportBinding' &&
        def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier &&
        def.parent.type === AST_NODE_TYPES.ImportDeclaration &&
        modules.has(def.parent.source.value)
      );
    };

    const isGlobal = (node: TSESTree.Node, name: string): boolean =>
      node.type === AST_NODE_TYPES.Identifier && node.name === name && isGlobalReference(sourceCode, node);

    /** The label of a call that takes a URL first, or undefined. */
    const urlCallLabel = (callee: TSESTree.Node): string | undefined => {
      const c = unwrapTypeWrappers(callee);
      if (isGlobal(c, 'fetch')) return '`fetch()`';
      if (c.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(c);
        if (method === 'redirect' && isGlobal(unwrapTypeWrappers(c.object), 'Response')) return '`Response.redirect()`';
        const owner = resolveImported(sourceCode, c.object);
        if (method && NEXT_RESPONSE_URL_METHODS.has(method) && owner?.module === NEXT_SERVER && owner.name === 'NextResponse') {
          return `\`NextResponse.${method}()\``;
        }
      }
      if (c.type === AST_NODE_TYPES.Identifier && isDefaultImportOf(c, FETCH_MODULES)) return '`fetch()`';
      const imported = resolveImported(sourceCode, c);
      if (!imported) return undefined;
      if (imported.module === NEXT_NAVIGATION && NEXT_REDIRECTS.has(imported.name)) return `\`${imported.name}()\``;
      return FETCH_MODULES.has(imported.module) && imported.name === 'fetch' ? '`fetch()`' : undefined;
    };

    return {
      CallExpression(node) {
        const label = urlCallLabel(node.callee);
        if (label) checkUrl(node.arguments[0], label);
      },
      NewExpression(node) {
        if (isGlobal(node.callee, 'URL')) {
          checkUrl(node.arguments[0], '`new URL()`');
          checkUrl(node.arguments[1], '`new URL()` as the base');
        } else if (isGlobal(node.callee, 'Request')) {
          checkUrl(node.arguments[0], '`new Request()`');
        }
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || node.kind !== 'init') return;
        const key = propertyKey(node);
        if (key !== undefined && URL_OPTION_KEYS.has(key)) checkUrl(node.value, `the \`${key}\` option`);
      },
    };
  },
});
