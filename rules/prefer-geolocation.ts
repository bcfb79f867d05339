/**
 * fn/prefer-geolocation: raw `x-vercel-ip-*` header reads and `NextRequest.geo` -> `geolocation(request)`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  DERIVED_GEO_FIELDS,
  GEO_HEADER_TO_FIELD,
  HEADER_CONSTANTS,
  NEXT_REQUEST_GEO_FIELDS,
  NEXT_REQUEST_REMOVED_PROPERTIES,
} from '../lib/catalog.js';
import { memberName, propertyKey } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import {
  createHeaderTextTest,
  headerReadListener,
  isWriteTarget,
  nextRequestPropertyListener,
  type NextRequestDestructuring,
  nullDistinguishedAt,
  type HeaderRead,
} from './utils/header-reads.js';
import { isGlobalReference, variableOf } from '../lib/estree/scope.js';
import {
  frameworkApiCall,
  removedPropertyMessage,
  reportWithApiCall,
  type ApiCallFix,
  type ReportMessage,
} from './utils/request-api-fix.js';

type MessageId =
  | 'rawHeader'
  | 'requestIdRegion'
  | 'requestGeo'
  | 'requestGeoRemoved'
  | 'useGeolocationField'
  | 'useGeolocationNodeRequest'
  | 'useGeolocationObject';

const GEOLOCATION = 'geolocation';
const GEO = NEXT_REQUEST_REMOVED_PROPERTIES.geo;
const REQUEST_ID_HEADER = HEADER_CONSTANTS.REQUEST_ID_HEADER_NAME;
const GEO_HEADERS = Object.keys(GEO_HEADER_TO_FIELD);
const mentionsGeo = createHeaderTextTest([...GEO_HEADERS, REQUEST_ID_HEADER]);
const GEO_PROPERTY_TEXT = /\bgeo\b/;
/** The geolocation() field derived from x-vercel-id (`region`). */
const REQUEST_ID_FIELD = Object.entries(DERIVED_GEO_FIELDS).find(([, d]) => d.from === REQUEST_ID_HEADER)?.[0] ?? 'region';

/** `h.split(':')[0]` and friends on a read of x-vercel-id: the edge-region part. Returns the whole expression. */
function regionExtent(read: TSESTree.Node): TSESTree.Node | undefined {
  let node: TSESTree.Node = read;
  // Step over `!` and optional-chain wrappers, keeping `node` the child of what is returned.
  const up = (): TSESTree.Node | undefined => {
    let p = node.parent;
    while (p?.type === AST_NODE_TYPES.ChainExpression || p?.type === AST_NODE_TYPES.TSNonNullExpression) {
      node = p;
      p = p.parent;
    }
    return p;
  };
  const split = up();
  if (split?.type !== AST_NODE_TYPES.MemberExpression || split.object !== node || memberName(split) !== 'split') return undefined;
  const call = split.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== split) return undefined;
  const sep = call.arguments[0];
  if (sep?.type !== AST_NODE_TYPES.Literal || sep.value !== ':') return undefined;
  node = call;
  const pick = up();
  if (pick?.type !== AST_NODE_TYPES.MemberExpression || pick.object !== node) return undefined;
  if (pick.computed) {
    return pick.property.type === AST_NODE_TYPES.Literal && pick.property.value === 0 ? outermostChain(pick) : undefined;
  }
  const method = memberName(pick);
  const pickCall = pick.parent;
  if ((method === 'at' || method === 'shift') && pickCall?.type === AST_NODE_TYPES.CallExpression && pickCall.callee === pick) {
    const arg = pickCall.arguments[0];
    const ok = method === 'shift' ? pickCall.arguments.length === 0 : arg?.type === AST_NODE_TYPES.Literal && arg.value === 0;
    return ok ? outermostChain(pickCall) : undefined;
  }
  return undefined;
}

function outermostChain(node: TSESTree.Node): TSESTree.Node {
  return node.parent?.type === AST_NODE_TYPES.ChainExpression ? node.parent : node;
}

/**
 * `decodeURIComponent(<city read>)` or `decodeURIComponent(<city read> ?? 'literal')`:
 * geolocation() already decodes, so the call goes too (a fallback literal without `%`
 * decodes to itself and is kept). Returns what to replace and the text after the field.
 */
function decodeExtent(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  read: TSESTree.Node,
): { target: TSESTree.Node; tail: string } {
  let arg: TSESTree.Node = read;
  while (arg.parent?.type === AST_NODE_TYPES.TSNonNullExpression) arg = arg.parent;
  let tail = '';
  const logical = arg.parent;
  if (
    logical?.type === AST_NODE_TYPES.LogicalExpression &&
    logical.left === arg &&
    logical.operator !== '&&' &&
    logical.right.type === AST_NODE_TYPES.Literal &&
    typeof logical.right.value === 'string' &&
    !logical.right.value.includes('%')
  ) {
    tail = ` ${logical.operator} ${context.sourceCode.getText(logical.right)}`;
    arg = logical;
  }
  const call = arg.parent;
  if (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.length === 1 &&
    call.arguments[0] === arg &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'decodeURIComponent' &&
    isGlobalReference(context.sourceCode, call.callee)
  ) {
    return { target: call, tail };
  }
  return { target: read, tail: '' };
}

export default createRule<[], MessageId>({
  name: 'prefer-geolocation',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `geolocation(request)` over raw `x-vercel-ip-*` header reads and `NextRequest.geo`',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      rawHeader: 'Raw read of the `{{header}}` header: use `geolocation(request).{{field}}` from the functions API.',
      requestIdRegion:
        'The part of `{{header}}` before the first ":" is the edge region: use `geolocation(request).region` (it also falls back to "dev1" locally).',
      requestGeo:
        '`request.geo` only works on the platform with Next.js 13/14 and is gone in Next.js 15: use `geolocation(request)` from the functions API.',
      requestGeoRemoved:
        '`request.geo` was removed in Next.js 15 (this project uses {{version}}), so it is always undefined: use `geolocation(request)` from the functions API.',
      useGeolocationField: 'Use `{{replacement}}`.',
      useGeolocationNodeRequest:
        'Use `{{replacement}}` from `{{module}}`: it reads a Node request\'s headers; upstream `@vercel/functions` needs a web `Request`.',
      useGeolocationObject:
        'Use `{{replacement}}` (its `region` is the edge region; the ISO 3166-2 region is `countryRegion`, and it has more fields).',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    const headerText = mentionsGeo(text);
    const geoText = GEO_PROPERTY_TEXT.test(text);
    if (!headerText && !geoText) return {};

    type Fix = ApiCallFix<MessageId>;
    const reportWithFix = (node: TSESTree.Node, message: ReportMessage<MessageId>, fix: Fix | undefined): void =>
      reportWithApiCall(context, GEOLOCATION, node, message, fix);

    /**
     * What geolocation() gets for a raw read, and whether the rewrite may be an autofix: the
     * request of a web `headers.get` read, or a framework's request (see frameworkApiCall).
     */
    const geolocationArgument = (
      read: HeaderRead,
    ): Pick<Fix, 'argument' | 'nodeRequest'> & { readonly autofixable: boolean } | undefined => {
      if (read.source.kind === 'framework') {
        const { argument, safety } = frameworkApiCall(sourceCode, read.source);
        return {
          argument,
          autofixable: safety !== 'suggestion',
          ...(safety === 'node-request' ? { nodeRequest: 'useGeolocationNodeRequest' as const } : {}),
        };
      }
      if (read.access === 'get' && read.source.kind === 'request') return { argument: read.source.request, autofixable: true };
      return undefined;
    };

    const onHeaderRead = (read: HeaderRead): void => {
      const call = geolocationArgument(read);
      const frameworkRead = read.source.kind === 'framework';
      if (read.header === REQUEST_ID_HEADER) {
        const extent = regionExtent(read.node);
        if (!extent) return;
        // Absent header: the raw code yields undefined (or throws), geolocation() says "dev1": a suggestion only.
        reportWithFix(
          extent,
          { messageId: 'requestIdRegion', data: { header: read.header } },
          call && {
            target: extent,
            argument: call.argument,
            suffix: `.${REQUEST_ID_FIELD}`,
            autofix: false,
            suggestion: 'useGeolocationField',
            ...(call.nodeRequest ? { nodeRequest: call.nodeRequest } : {}),
          },
        );
        return;
      }
      const field = GEO_HEADER_TO_FIELD[read.header];
      if (!field) return;
      const { target, tail } = field === 'city' ? decodeExtent(context, read.node) : { target: read.node, tail: '' };
      reportWithFix(
        read.node,
        { messageId: 'rawHeader', data: { header: read.header, field } },
        call && {
          target,
          argument: call.argument,
          suffix: `.${field}${tail}`,
          // A framework read already says `undefined` for a missing header: no null check to keep.
          autofix: call.autofixable && (frameworkRead || !nullDistinguishedAt(target)),
          suggestion: 'useGeolocationField',
          ...(call.nodeRequest ? { nodeRequest: call.nodeRequest } : {}),
        },
      );
    };

    const geoMessage = (): ReportMessage<MessageId> => removedPropertyMessage(context, 'requestGeoRemoved', 'requestGeo');

    /** Renames for the reads of a variable holding the geo object, or undefined when it escapes. */
    const renamesForGeoVariable = (
      variable: TSESLint.Scope.Variable,
    ): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined => {
      const renames: TSESTree.Node[] = [];
      const targets: string[] = [];
      for (const ref of variable.references) {
        if (ref.init) continue;
        if (!ref.isReadOnly()) return undefined;
        const parent = ref.identifier.parent;
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) return undefined;
        const name = memberName(parent);
        if (name === undefined || !Object.hasOwn(NEXT_REQUEST_GEO_FIELDS, name)) return undefined;
        if (NEXT_REQUEST_GEO_FIELDS[name] !== name) {
          if (parent.computed) return undefined;
          renames.push(parent.property);
          targets.push(NEXT_REQUEST_GEO_FIELDS[name] ?? name);
        }
      }
      return (fixer) => renames.map((node, i) => fixer.replaceText(node, targets[i] ?? ''));
    };

    /** Key renames inside `{ city, region } = <geo>`, or undefined when a key is unknown. */
    const renamesForPattern = (
      pattern: TSESTree.ObjectPattern,
    ): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined => {
      const edits: [TSESTree.Property, string][] = [];
      for (const prop of pattern.properties) {
        if (prop.type !== AST_NODE_TYPES.Property) return undefined;
        const key = propertyKey(prop);
        if (key === undefined || !Object.hasOwn(NEXT_REQUEST_GEO_FIELDS, key)) return undefined;
        const to = NEXT_REQUEST_GEO_FIELDS[key];
        if (to && to !== key) edits.push([prop, to]);
      }
      return (fixer) =>
        edits.map(([prop, to]) =>
          prop.shorthand ? fixer.insertTextBefore(prop.key, `${to}: `) : fixer.replaceText(prop.key, to),
        );
    };

    /** A whole geo object bound by `binding` (the declarator's id, or the destructured value). */
    const bindingFix = (binding: TSESTree.Node): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined => {
      if (binding.type === AST_NODE_TYPES.Identifier) {
        const variable = variableOf(sourceCode, binding);
        return variable ? renamesForGeoVariable(variable) : undefined;
      }
      if (binding.type === AST_NODE_TYPES.ObjectPattern) return renamesForPattern(binding);
      return undefined;
    };

    const requestUnusable = (object: TSESTree.Expression, member: TSESTree.MemberExpression): boolean =>
      member.optional || object.type === AST_NODE_TYPES.ChainExpression;

    const onGeoMember = (node: TSESTree.MemberExpression, request: TSESTree.Expression): void => {
      const noFix = requestUnusable(request, node);
      let parent: TSESTree.Node | undefined = node.parent;
      // request.geo.city / request.geo?.city
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        const field = name !== undefined && Object.hasOwn(NEXT_REQUEST_GEO_FIELDS, name) ? NEXT_REQUEST_GEO_FIELDS[name] : undefined;
        reportWithFix(
          node,
          geoMessage(),
          field && !noFix && !isWriteTarget(parent)
            ? { target: parent, argument: request, suffix: `.${field}`, autofix: true, suggestion: 'useGeolocationField' }
            : undefined,
        );
        return;
      }
      let child: TSESTree.Node = node;
      while (parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
        child = parent;
        parent = parent.parent;
      }
      // `request.geo ?? {}` / `|| {}`: geolocation() always returns an object, the fallback is harmless.
      if (
        parent?.type === AST_NODE_TYPES.LogicalExpression &&
        parent.left === child &&
        parent.operator !== '&&' &&
        parent.right.type === AST_NODE_TYPES.ObjectExpression &&
        parent.right.properties.length === 0
      ) {
        parent = parent.parent;
      }
      const declarator =
        parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.kind === 'const' ? parent : undefined;
      const extra = declarator ? bindingFix(declarator.id) : undefined;
      reportWithFix(
        node,
        geoMessage(),
        noFix ? undefined : { target: node, argument: request, autofix: extra !== undefined, suggestion: 'useGeolocationObject', extra },
      );
    };

    /** `const { geo } = request` / `const { geo: g } = req` / `const { geo: { city } } = req`. */
    const onGeoDestructure = (prop: TSESTree.Property, { pattern, declarator, request }: NextRequestDestructuring): void => {
      const value = prop.value;
      const alone = pattern.properties.length === 1 && declarator.parent.kind === 'const' && !pattern.typeAnnotation;
      if (!alone || value.type === AST_NODE_TYPES.AssignmentPattern) {
        context.report({ node: prop, ...geoMessage() });
        return;
      }
      const extra = bindingFix(value);
      const valueText = sourceCode.getText(value);
      reportWithFix(prop, geoMessage(), {
        target: request,
        argument: request,
        autofix: extra !== undefined,
        suggestion: 'useGeolocationObject',
        // `{ geo: <value> }` becomes `<value>`; key renames inside a nested pattern come after.
        extra: (fixer) =>
          value.type === AST_NODE_TYPES.Identifier
            ? [fixer.replaceText(pattern, valueText), ...(extra?.(fixer) ?? [])]
            : [
                fixer.removeRange([pattern.range[0], value.range[0]]),
                fixer.removeRange([value.range[1], pattern.range[1]]),
                ...(extra?.(fixer) ?? []),
              ],
      });
    };

    return {
      ...(headerText ? headerReadListener(context, (h) => h in GEO_HEADER_TO_FIELD || h === REQUEST_ID_HEADER, onHeaderRead) : {}),
      ...(geoText ? nextRequestPropertyListener(context, GEO, { onMember: onGeoMember, onDestructure: onGeoDestructure }) : {}),
    };
  },
});
