/**
 * fn/no-redundant-decode: `decodeURIComponent(geolocation(req).city)` (or `decodeURI`) decodes
 * a value `geolocation()` has already decoded -> drop the decode. Which fields come decoded is
 * the catalog's `percentDecoded` (only `city`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { GEO_FIELDS } from '../lib/catalog.js';
import { isTightExpression, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { geoFieldReader } from './utils/geolocation-calls.js';
import { isGlobalReference } from '../lib/estree/scope.js';

type MessageId = 'redundantDecode';

const DECODERS: ReadonlySet<string> = new Set(['decodeURIComponent', 'decodeURI']);
const DECODED_FIELDS: ReadonlySet<string> = new Set(GEO_FIELDS.filter((f) => 'percentDecoded' in f).map((f) => f.field));

/** Places where any expression (but a sequence) stands without parentheses: a list element, an initialiser, a return value. */
function standsAlone(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== node;
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.JSXExpressionContainer:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.value === node;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node;
    default:
      return false;
  }
}

export default createRule<[], MessageId>({
  name: 'no-redundant-decode',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow decoding `geolocation().city` again: `geolocation()` already percent-decodes it',
      recommended: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      redundantDecode:
        '`geolocation()` already decodes `{{field}}`: `{{decoder}}()` decodes it a second time, which corrupts names with a `%` and can throw a URIError. Use the value as it is.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    if (!sourceCode.text.includes('decodeURI')) return {};
    const fieldRead = geoFieldReader(context);

    /** `decodeURIComponent(<x> ?? '')`: the decoded field is the left operand. */
    const decodedOperand = (node: TSESTree.Node): TSESTree.Node => {
      const n = unwrapTypeWrappers(node);
      return n.type === AST_NODE_TYPES.LogicalExpression && (n.operator === '??' || n.operator === '||') ? n.left : n;
    };

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier || !DECODERS.has(callee.name) || node.arguments.length !== 1) return;
        const [argument] = node.arguments;
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || !isGlobalReference(sourceCode, callee)) return;
        const read = fieldRead(decodedOperand(argument));
        if (!read || !DECODED_FIELDS.has(read.field)) return;
        const text = sourceCode.getText(argument);
        context.report({
          node,
          messageId: 'redundantDecode',
          data: { field: read.field, decoder: callee.name },
          fix: (fixer) => fixer.replaceText(node, isTightExpression(argument) || standsAlone(node) ? text : `(${text})`),
        });
      },
    };
  },
});
