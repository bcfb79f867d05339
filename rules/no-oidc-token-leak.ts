/**
 * fn/no-oidc-token-leak: the OIDC token (from the getters, the env var or the header)
 * flowing into logs, responses, rendered JSX, error messages or URLs.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { getTokenFlow } from './utils/oidc-flow.js';
import { isGlobalReference, variableOf } from '../lib/estree/scope.js';

type Sink = 'log' | 'response' | 'render' | 'error' | 'url';
type Options = [{ loggers?: string[] }];

const SINK_TEXT: Record<Sink, string> = {
  log: 'a log call',
  response: 'a response',
  render: 'rendered output',
  error: 'an error',
  url: 'a URL',
};

/** Logger objects recognised without configuration (`logger.info(...)`, `log.warn(...)`, `consola.error(...)`). */
export const DEFAULT_LOGGERS: readonly string[] = ['logger', 'log', 'consola'];
const LOG_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal']);
/** Names a Node/Express/Fastify response object goes by, and what its methods send. */
const RESPONSE_OBJECTS: ReadonlySet<string> = new Set(['res', 'response', 'resp', 'reply']);
const RESPONSE_METHODS: Readonly<Record<string, Sink>> = {
  send: 'response',
  json: 'response',
  jsonp: 'response',
  write: 'response',
  end: 'response',
  setHeader: 'response',
  header: 'response',
  set: 'response',
  cookie: 'response',
  redirect: 'url',
};
const RESPONSE_CLASSES: ReadonlySet<string> = new Set(['Response', 'NextResponse']);
const URL_CLASSES: ReadonlySet<string> = new Set(['URL', 'URLSearchParams']);
const FETCH: ReadonlySet<string> = new Set(['fetch']);
const CONSOLE: ReadonlySet<string> = new Set(['console']);

/** The identifier a member/call chain starts from: `res` in `res.status(500).json`. */
function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let n = unwrapTypeWrappers(node);
  for (;;) {
    if (n.type === AST_NODE_TYPES.Identifier) return n;
    if (n.type === AST_NODE_TYPES.MemberExpression) n = unwrapTypeWrappers(n.object);
    else if (n.type === AST_NODE_TYPES.CallExpression) n = unwrapTypeWrappers(n.callee);
    else return undefined;
  }
}

/** `logger` in `logger.info`, `this.logger.info`, `ctx.logger.info`. */
function lastName(node: TSESTree.Node): string | undefined {
  const n = unwrapTypeWrappers(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n);
  return undefined;
}

export default createRule<Options, 'leak'>({
  name: 'no-oidc-token-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the OIDC token flowing into logs, responses, error messages or URLs',
      recommended: true,
      requiresTypeChecking: false,
    },
    schema: [
      {
        type: 'object',
        properties: {
          loggers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'More logger object names whose log/info/warn/error/debug/trace/fatal calls are sinks.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      leak: 'The OIDC token flows into {{sink}}. It is a bearer credential: whoever reads it can act as this deployment until it expires. Send it only in the Authorization header of the request that needs it.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const flow = getTokenFlow(context);
    if (!flow.sources.mayMentionToken) return {};
    const sourceCode = context.sourceCode;
    const loggers = new Set([...DEFAULT_LOGGERS, ...(options.loggers ?? [])]);

    const isGlobal = (id: TSESTree.Identifier, names: ReadonlySet<string>): boolean =>
      names.has(id.name) && isGlobalReference(sourceCode, id);

    /** A sink of its own (reported where it is built, not where it is passed on). */
    const constructorSink = (node: TSESTree.NewExpression): Sink | undefined => {
      if (node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (isGlobalOrImported(node.callee, RESPONSE_CLASSES)) return 'response';
      if (isGlobal(node.callee, URL_CLASSES)) return 'url';
      return /Error$/.test(node.callee.name) ? 'error' : undefined;
    };

    /** `NextResponse` is imported, `Response` is global: either counts. */
    const isGlobalOrImported = (id: TSESTree.Identifier, names: ReadonlySet<string>): boolean => {
      if (!names.has(id.name)) return false;
      const variable = variableOf(sourceCode, id);
      return !variable || variable.defs.length === 0 || variable.defs[0]?.type === 'ImportBinding';
    };

    const check = (args: readonly TSESTree.Node[], sink: Sink): void => {
      for (const arg of args) {
        const value = unwrapTypeWrappers(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
        if (value.type === AST_NODE_TYPES.NewExpression && constructorSink(value)) continue;
        if (flow.carriesToken(value)) context.report({ node: arg, messageId: 'leak', data: { sink: SINK_TEXT[sink] } });
      }
    };

    /** `url.searchParams.set(k, v)`, or `params.set(k, v)` with `params = new URLSearchParams(…)` / `url.searchParams`. */
    const isSearchParams = (node: TSESTree.Node): boolean => {
      const n = unwrapTypeWrappers(node);
      if (n.type === AST_NODE_TYPES.MemberExpression) return memberName(n) === 'searchParams';
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const def = variableOf(sourceCode, n)?.defs[0];
      if (def?.type !== 'Variable' || !def.node.init) return false;
      const init = unwrapTypeWrappers(def.node.init);
      if (init.type === AST_NODE_TYPES.NewExpression) {
        return init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'URLSearchParams';
      }
      return init.type === AST_NODE_TYPES.MemberExpression && memberName(init) === 'searchParams';
    };

    const callSink = (node: TSESTree.CallExpression): { sink: Sink; args: readonly TSESTree.Node[] } | undefined => {
      const callee = unwrapTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        return isGlobal(callee, FETCH)
          ? { sink: 'url', args: node.arguments.slice(0, 1) }
          : undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = memberName(callee);
      if (method === undefined) return undefined;
      const object = unwrapTypeWrappers(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && isGlobal(object, CONSOLE)) {
        return { sink: 'log', args: node.arguments };
      }
      const objectName = lastName(object);
      if (objectName !== undefined && loggers.has(objectName) && LOG_METHODS.has(method)) {
        return { sink: 'log', args: node.arguments };
      }
      if (object.type === AST_NODE_TYPES.Identifier && isGlobalOrImported(object, RESPONSE_CLASSES)) {
        if (method === 'json') return { sink: 'response', args: node.arguments };
        if (method === 'redirect') return { sink: 'url', args: node.arguments.slice(0, 1) };
      }
      if ((method === 'set' || method === 'append') && isSearchParams(object)) {
        return { sink: 'url', args: node.arguments.slice(1, 2) };
      }
      const root = rootIdentifier(object);
      const responseSink = RESPONSE_METHODS[method];
      if (root && RESPONSE_OBJECTS.has(root.name) && responseSink) return { sink: responseSink, args: node.arguments };
      return undefined;
    };

    return {
      CallExpression(node) {
        const found = callSink(node);
        if (found) check(found.args, found.sink);
      },
      NewExpression(node) {
        const sink = constructorSink(node);
        if (sink) check(node.arguments, sink);
      },
      ThrowStatement(node) {
        const arg = unwrapTypeWrappers(node.argument);
        if (arg.type !== AST_NODE_TYPES.NewExpression || !constructorSink(arg)) check([node.argument], 'error');
      },
      JSXExpressionContainer(node) {
        if (node.expression.type !== AST_NODE_TYPES.JSXEmptyExpression) check([node.expression], 'render');
      },
    };
  },
});
