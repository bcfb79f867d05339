/**
 * fn/prefer-aws-credentials-provider: hand-rolled AWS web-identity exchanges with the
 * Vercel OIDC token (`fromWebToken({ webIdentityToken })`, STS AssumeRoleWithWebIdentity).
 * Autofix for the `fromWebToken` form: `awsCredentialsProvider({ ...same options })`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AWS_WEB_IDENTITY_FACTS, CANONICAL_IMPORT, OIDC_FACTS } from '../lib/catalog.js';
import { resolveImported } from './utils/api-imports.js';
import { memberName, propertyKey, unwrapTypeWrappers } from '../lib/estree/ast.js';
import { createRule } from './utils/create-rule.js';
import { planApiImport } from './utils/import-fixer.js';
import { bindingRemoval, isNewImportStatement, listElementRange, unusedAfter, withOptionalFixes } from './utils/oidc-fixes.js';
import { getTokenFlow } from './utils/oidc-flow.js';
import { variableOf } from '../lib/estree/scope.js';

type MessageId = 'fromWebToken' | 'stsCommand';
type Fix = TSESLint.RuleFix;

const FROM_WEB_TOKEN_MODULES: ReadonlySet<string> = new Set(AWS_WEB_IDENTITY_FACTS.fromWebTokenModules);
/** The aggregated STS client's method for the same call: `AssumeRoleWithWebIdentityCommand` -> `assumeRoleWithWebIdentity`. */
const STS_METHOD = OIDC_FACTS.stsAssumeRoleCommand.replace(/Command$/, '').replace(/^./, (c) => c.toLowerCase());

const messageData = {
  fromWebToken: OIDC_FACTS.awsFromWebToken,
  command: OIDC_FACTS.stsAssumeRoleCommand,
  awsProvider: OIDC_FACTS.awsProvider,
  awsModule: CANONICAL_IMPORT[OIDC_FACTS.awsProvider] ?? '',
};

/** The identifier a callee hangs from: `fromWebToken`, or `aws` in `aws.fromWebToken`. */
function calleeRoot(node: TSESTree.Node): TSESTree.Identifier | undefined {
  const n = unwrapTypeWrappers(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n;
  if (n.type === AST_NODE_TYPES.MemberExpression) return calleeRoot(n.object);
  return undefined;
}

function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  return object.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKey(p) === key,
  );
}

export default createRule<[], MessageId>({
  name: 'prefer-aws-credentials-provider',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer awsCredentialsProvider() over exchanging the OIDC token with AWS by hand',
      recommended: true,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    schema: [],
    messages: {
      fromWebToken:
        '{{fromWebToken}}() with the OIDC token uses the token it was given for as long as the provider lives, and that token expires. Use {{awsProvider}}() from {{awsModule}}, which reads a fresh token for every credential refresh.',
      stsCommand:
        'Calling STS {{command}} with the OIDC token by hand re-implements {{awsProvider}}() without its refresh. Pass {{awsProvider}}({ roleArn }) from {{awsModule}} as the AWS client\'s credentials.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    // `ssumeRoleWithWebIdentity` matches both the STS command class and the client method.
    if (!text.includes(OIDC_FACTS.awsFromWebToken) && !text.includes(STS_METHOD.slice(1))) return {};
    const flow = getTokenFlow(context);
    const { sources } = flow;
    if (!sources.mayMentionToken) return {};

    const isVercelToken = (node: TSESTree.Node): boolean => flow.carriesToken(node) || flow.carriesTokenPromise(node);

    /** The token-carrying property of an options object, if its value is the Vercel token. */
    const tokenProperty = (arg: TSESTree.Node | undefined, key: string): TSESTree.Property | undefined => {
      if (arg?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const prop = findProperty(arg, key);
      return prop && isVercelToken(prop.value) ? prop : undefined;
    };

    /** The getter call the token value is, when the fix can drop it: no arguments to lose. */
    const directSource = (value: TSESTree.Node): { getterCall?: TSESTree.CallExpression } | undefined => {
      const kind = sources.kindOf(value);
      if (kind === undefined) return undefined;
      if (kind === 'env' || kind === 'header') return {};
      let call = unwrapTypeWrappers(value);
      if (call.type === AST_NODE_TYPES.AwaitExpression) call = unwrapTypeWrappers(call.argument);
      if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return undefined;
      return { getterCall: call };
    };

    const buildFix = (
      call: TSESTree.CallExpression,
      options: TSESTree.ObjectExpression,
      prop: TSESTree.Property,
    ): TSESLint.ReportFixFunction | null => {
      // Spreads and computed keys could supply or shadow the token option: leave those alone.
      const plain = options.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed);
      const source = directSource(prop.value);
      if (!plain || !source) return null;
      return (fixer) => {
        const plan = planApiImport(context, OIDC_FACTS.awsProvider, call.callee);
        const propRange = listElementRange(sourceCode, prop, options.properties[options.properties.length - 1] === prop);
        const required: Fix[] = [fixer.replaceText(call.callee, plan.expression), fixer.removeRange(propRange)];
        const optional: Fix[] = [];
        let importFixes = plan.fixes(fixer);

        const providerRoot = calleeRoot(call.callee);
        const providerVar = providerRoot && variableOf(sourceCode, providerRoot);
        if (providerVar && unusedAfter(providerVar, [call.callee.range])) {
          const removal = bindingRemoval(sourceCode, providerVar);
          const [added] = importFixes;
          if (removal?.statement && importFixes.length === 1 && added && isNewImportStatement(added)) {
            // Put the new import where the old one was (avoids touching the same spot twice).
            required.push(fixer.replaceText(removal.statement, added.text.trim()));
            importFixes = [];
          } else if (removal) {
            optional.push(fixer.removeRange(removal.range));
          }
        }
        required.push(...importFixes);

        const getterRoot = source.getterCall && calleeRoot(source.getterCall.callee);
        const getterVar = getterRoot && variableOf(sourceCode, getterRoot);
        if (getterVar && unusedAfter(getterVar, [propRange])) {
          const removal = bindingRemoval(sourceCode, getterVar);
          if (removal) optional.push(fixer.removeRange(removal.range));
        }
        return withOptionalFixes(required, optional);
      };
    };

    return {
      CallExpression(node) {
        const callee = unwrapTypeWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === STS_METHOD) {
          // `new STS(...).assumeRoleWithWebIdentity({ WebIdentityToken })`
          const input = node.arguments[0] && unwrapTypeWrappers(node.arguments[0]);
          if (tokenProperty(input, AWS_WEB_IDENTITY_FACTS.stsTokenParam)) {
            context.report({ node, messageId: 'stsCommand', data: messageData });
          }
          return;
        }
        const ref = resolveImported(sourceCode, node.callee);
        if (!ref || ref.name !== OIDC_FACTS.awsFromWebToken || !FROM_WEB_TOKEN_MODULES.has(ref.module)) return;
        const options = node.arguments[0] && unwrapTypeWrappers(node.arguments[0]);
        const prop = node.arguments.length === 1 ? tokenProperty(options, AWS_WEB_IDENTITY_FACTS.tokenOption) : undefined;
        if (!prop || options?.type !== AST_NODE_TYPES.ObjectExpression) return;
        context.report({ node, messageId: 'fromWebToken', data: messageData, fix: buildFix(node, options, prop) });
      },
      NewExpression(node) {
        const ref = resolveImported(sourceCode, node.callee);
        if (!ref || ref.name !== OIDC_FACTS.stsAssumeRoleCommand || ref.module !== OIDC_FACTS.stsClientPackage) return;
        const input = node.arguments[0] && unwrapTypeWrappers(node.arguments[0]);
        if (tokenProperty(input, AWS_WEB_IDENTITY_FACTS.stsTokenParam)) {
          context.report({ node, messageId: 'stsCommand', data: messageData });
        }
      },
    };
  },
});
