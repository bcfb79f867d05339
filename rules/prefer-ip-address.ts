/**
 * fn/prefer-ip-address: raw `x-real-ip` / `x-forwarded-for` reads and `NextRequest.ip` -> `ipAddress(request)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { IP_HEADERS, NEXT_REQUEST_REMOVED_PROPERTIES } from '../lib/catalog.js';
import { memberName } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import {
  createHeaderTextTest,
  headerReadListener,
  nextRequestPropertyListener,
  type NextRequestDestructuring,
  nullDistinguishedAt,
  type HeaderRead,
} from './utils/header-reads.js';
import {
  frameworkApiCall,
  removedPropertyMessage,
  reportWithApiCall,
  type ApiCallFix,
  type ReportMessage,
} from './utils/request-api-fix.js';

type MessageId = 'realIp' | 'forwardedFor' | 'requestIp' | 'requestIpRemoved' | 'useIpAddress' | 'useIpAddressNodeRequest';

const IP_ADDRESS = 'ipAddress';
const IP = NEXT_REQUEST_REMOVED_PROPERTIES.ip;
const IP_HEADER_NAMES: readonly string[] = [IP_HEADERS.realIp, IP_HEADERS.forwardedFor];
const mentionsIpHeader = createHeaderTextTest(IP_HEADER_NAMES);
const IP_PROPERTY_TEXT = /\bip\b/;
const SIMPLE_OPERANDS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
]);

function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (n.parent?.type === AST_NODE_TYPES.ChainExpression || n.parent?.type === AST_NODE_TYPES.TSNonNullExpression) n = n.parent;
  return n;
}

/**
 * `<xff>.split(',')[0]`, `.split(',').at(0)` / `.shift()`, each optionally followed by `.trim()`:
 * the "first entry" idiom, replaced as a whole (ipAddress() already is one address).
 */
function firstEntryExtent(read: TSESTree.Node): TSESTree.Node {
  let node = skipWrappers(read);
  const split = node.parent;
  if (split?.type !== AST_NODE_TYPES.MemberExpression || split.object !== node || memberName(split) !== 'split') return node;
  const splitCall = split.parent;
  if (splitCall?.type !== AST_NODE_TYPES.CallExpression || splitCall.callee !== split) return node;
  let picked: TSESTree.Node | undefined;
  const afterSplit = skipWrappers(splitCall);
  const pick = afterSplit.parent;
  if (pick?.type === AST_NODE_TYPES.MemberExpression && pick.object === afterSplit) {
    if (pick.computed && pick.property.type === AST_NODE_TYPES.Literal && pick.property.value === 0) picked = pick;
    const method = pick.computed ? undefined : memberName(pick);
    const call = pick.parent;
    if ((method === 'at' || method === 'shift') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === pick) {
      const arg = call.arguments[0];
      if (method === 'shift' ? call.arguments.length === 0 : arg?.type === AST_NODE_TYPES.Literal && arg.value === 0) picked = call;
    }
  }
  if (!picked) return node;
  node = skipWrappers(picked);
  const trim = node.parent;
  if (trim?.type === AST_NODE_TYPES.MemberExpression && trim.object === node && memberName(trim) === 'trim') {
    const call = trim.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === trim && call.arguments.length === 0) return skipWrappers(call);
  }
  return node;
}

export default createRule<[], MessageId>({
  name: 'prefer-ip-address',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `ipAddress(request)` over raw `x-real-ip` / `x-forwarded-for` reads and `NextRequest.ip`',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      realIp: 'Raw read of the `{{header}}` header: use `ipAddress(request)` from the functions API.',
      forwardedFor:
        '`{{header}}` is a list whose first entry is whatever the client sent, so it can be spoofed: use `ipAddress(request)`, the address the platform\'s proxy saw.',
      requestIp:
        '`request.ip` only works on the platform with Next.js 13/14 and is gone in Next.js 15: use `ipAddress(request)` from the functions API.',
      requestIpRemoved:
        '`request.ip` was removed in Next.js 15 (this project uses {{version}}), so it is always undefined: use `ipAddress(request)` from the functions API.',
      useIpAddress: 'Use `{{replacement}}`.',
      useIpAddressNodeRequest:
        'Use `{{replacement}}` from `{{module}}`: it reads a Node request\'s headers; upstream `@vercel/functions` needs a web `Request` or `Headers`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    const headerText = mentionsIpHeader(text);
    const ipText = IP_PROPERTY_TEXT.test(text);
    if (!headerText && !ipText) return {};

    /** Reports `node`; `target` becomes `ipAddress(<argument>)`: autofix when `autofix`, else a suggestion. */
    const report = (
      node: TSESTree.Node,
      message: ReportMessage<MessageId>,
      fix: Omit<ApiCallFix<MessageId>, 'suggestion'> | undefined,
    ): void => reportWithApiCall(context, IP_ADDRESS, node, message, fix && { ...fix, suggestion: 'useIpAddress' });

    const onHeaderRead = (read: HeaderRead): void => {
      const forwarded = read.header === IP_HEADERS.forwardedFor;
      const message = { messageId: forwarded ? 'forwardedFor' : 'realIp', data: { header: read.header } } as const;
      if (read.source.kind === 'framework') {
        // A framework read says `undefined` for a missing header, as ipAddress() does: no null check to keep.
        const { argument, safety } = frameworkApiCall(sourceCode, read.source);
        const target = forwarded ? firstEntryExtent(read.node) : read.node;
        report(read.node, message, {
          target,
          argument,
          autofix: !forwarded && safety !== 'suggestion',
          ...(safety === 'node-request' ? { nodeRequest: 'useIpAddressNodeRequest' } : {}),
        });
        return;
      }
      // What to hand to ipAddress(): the request, or the headers object itself (it accepts a Headers).
      let argument: TSESTree.Expression | undefined;
      let webShaped = false;
      if (read.source.kind === 'request') {
        argument = read.source.request;
        webShaped = read.access === 'get';
      } else if (read.access === 'get' && (read.source.kind === 'next-headers' || read.source.kind === 'headers')) {
        argument = read.receiver;
        webShaped = true;
      } else if (read.access === 'index' || read.source.kind === 'unknown') {
        // Plain-object headers or an Express-style `req.get`: fine for fn-kit's ipAddress, not upstream's.
        argument = read.access === 'index' ? read.receiver : undefined;
      }
      if (!argument) {
        report(read.node, message, undefined);
        return;
      }
      const target = forwarded ? firstEntryExtent(read.node) : read.node;
      // x-forwarded-for -> one address is a change of meaning: never an autofix.
      const autofix = !forwarded && webShaped && !nullDistinguishedAt(target);
      report(read.node, message, { target, argument, autofix });
    };

    /** `??` does not mix with `||`/`&&` and binds tighter than `?:`: parenthesise all but simple operands. */
    const operandText = (node: TSESTree.Expression): string => {
      const text = sourceCode.getText(node);
      return SIMPLE_OPERANDS.has(node.type) ? text : `(${text})`;
    };

    const ipMessage = (): ReportMessage<MessageId> => removedPropertyMessage(context, 'requestIpRemoved', 'requestIp');

    const onIpMember = (node: TSESTree.MemberExpression, request: TSESTree.Expression): void => {
      const usable = !node.optional && request.type !== AST_NODE_TYPES.ChainExpression;
      report(node, ipMessage(), usable ? { target: node, argument: request, autofix: true } : undefined);
    };

    /** `const { ip } = request`, `{ ip: addr }`, `{ ip = '0.0.0.0' }`. */
    const onIpDestructure = (prop: TSESTree.Property, { pattern, declarator, request }: NextRequestDestructuring): void => {
      const value = prop.value;
      const local =
        value.type === AST_NODE_TYPES.Identifier
          ? value
          : value.type === AST_NODE_TYPES.AssignmentPattern && value.left.type === AST_NODE_TYPES.Identifier
            ? value.left
            : undefined;
      if (pattern.properties.length !== 1 || !local || pattern.typeAnnotation) {
        context.report({ node: prop, ...ipMessage() });
        return;
      }
      const fallback = value.type === AST_NODE_TYPES.AssignmentPattern ? ` ?? ${operandText(value.right)}` : '';
      report(prop, ipMessage(), { target: declarator, argument: request, prefix: `${local.name} = `, suffix: fallback, autofix: true });
    };

    return {
      ...(headerText ? headerReadListener(context, (h) => IP_HEADER_NAMES.includes(h), onHeaderRead) : {}),
      ...(ipText ? nextRequestPropertyListener(context, IP, { onMember: onIpMember, onDestructure: onIpDestructure }) : {}),
    };
  },
});
