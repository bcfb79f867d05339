/**
 * oidc-env-to-helper: the OIDC token read from the environment -> the API's getters, and
 * hand-rolled `fromWebToken({ webIdentityToken: <Vercel token>, … })` ->
 * `awsCredentialsProvider({ … })`. The cases of fn/no-oidc-token-env's suggestion and
 * fn/prefer-aws-credentials-provider's autofix:
 *
 *   process.env.VERCEL_OIDC_TOKEN (also ['…'], ?., import.meta.env, env aliases)
 *       -> await getVercelOidcToken()   in an async function body
 *       -> getVercelOidcTokenSync()     elsewhere (sync functions, module scope: noted)
 *   const { VERCEL_OIDC_TOKEN: token } = process.env   (the only property)
 *       -> const token = await getVercelOidcToken()
 *   fromWebToken({ webIdentityToken: await getVercelOidcToken(), roleArn })
 *       -> awsCredentialsProvider({ roleArn })
 *
 * Left alone (reported): writes, presence checks (`if (process.env.VERCEL_OIDC_TOKEN)`, `??`:
 * the getters throw where the env read gave undefined), destructuring with other properties or
 * a default, `fromWebToken` options with spreads or computed keys.
 */
import type { ASTPath, Collection, FileInfo, JSCodeshift } from 'jscodeshift';
import { AWS_WEB_IDENTITY_FACTS, OIDC_FACTS } from '../lib/catalog.js';
import { collectApiBindings, collectModuleBindings, findModuleUses, isCallee, type ModuleBinding } from './utils/api-bindings.js';
import { ensureApiImport } from './utils/api-import.js';
import { type AnyNode, isMemberExpression, isObjectProperty, memberPropertyName, propertyKeyName, unwrapExpression } from './utils/ast.js';
import type { TransformMeta, TransformOptions } from './utils/contract.js';
import { runsAtModuleLoad } from './utils/eval-context.js';
import { envObjectKind, findEnvAccesses, unwrapPath, usagePath, type EnvAccess } from './utils/env-reads.js';
import { GetterImports, getterCallees, getterOfCall, type GetterName } from './utils/oidc-getters.js';
import { reportAt } from './utils/report.js';
import { bindingHasUses, removeUnusedBindings, replaceUse } from './utils/rewrite.js';
import { declarationOf, isReassigned, scopeOf } from './utils/scope.js';
import { parseExpression } from './utils/snippets.js';
import { rangeOf, relativeText } from './utils/source-text.js';
import { FileRewrite, rewriteTransform } from './utils/file-rewrite.js';

const TOKEN = OIDC_FACTS.envVar;
const FROM_WEB_TOKEN = OIDC_FACTS.awsFromWebToken;
const FROM_WEB_TOKEN_MODULES: ReadonlySet<string> = new Set(AWS_WEB_IDENTITY_FACTS.fromWebTokenModules);
const ENV_TEXT = `process.env.${TOKEN}`;

export const meta: TransformMeta = {
  name: 'oidc-env-to-helper',
  description: `process.env.${TOKEN} -> ${OIDC_FACTS.asyncGetter}() / ${OIDC_FACTS.syncGetter}(); ${FROM_WEB_TOKEN}({ webIdentityToken }) -> ${OIDC_FACTS.awsProvider}()`,
  textFilter: (source) => source.includes(TOKEN) || (source.includes(FROM_WEB_TOKEN) && source.includes(OIDC_FACTS.asyncGetter)),
};

const EQUALITY = new Set(['===', '!==', '==', '!=']);

function isEmptyValue(node: AnyNode): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'Identifier') return n.name === 'undefined';
  if (n?.type === 'NullLiteral' || (n?.type === 'Literal' && n.value === null && !n.regex)) return true;
  return (n?.type === 'StringLiteral' || n?.type === 'Literal') && n.value === '';
}

/**
 * Whether the value at `path` (through usagePath) only tells whether there is a token:
 * a condition, `!x`, the left side of `??`/`||`/`&&`, a comparison with undefined/null/''.
 */
function isPresenceCheck(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  if (!parent) return false;
  switch (parent.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ConditionalExpression':
      return path.name === 'test';
    case 'UnaryExpression':
      return parent.operator === '!' || parent.operator === 'typeof';
    case 'LogicalExpression':
      return path.name === 'left';
    case 'BinaryExpression':
      return EQUALITY.has(parent.operator as string) && isEmptyValue(path.name === 'left' ? parent.right : parent.left);
    default:
      return false;
  }
}

/**
 * The path to replace for a member read: with the optional-chain wrapper when the read is all
 * of it, and with a non-null assertion `!` (the getters return a string; `await g()!` would
 * also bind wrongly).
 */
function memberTarget(path: ASTPath): ASTPath {
  let current = path;
  for (;;) {
    const parent: AnyNode = current.parent?.node;
    if ((parent?.type === 'ChainExpression' || parent?.type === 'TSNonNullExpression') && current.name === 'expression') {
      current = current.parent as ASTPath;
    } else {
      return current;
    }
  }
}

/** Where the Vercel token in a `webIdentityToken` value comes from. */
type TokenOrigin =
  | { readonly kind: 'direct'; readonly getter?: GetterName }
  | { readonly kind: 'local'; readonly declarator: ASTPath; readonly name: string };

class OidcEnvRewrite extends FileRewrite {
  private readonly getters: GetterImports;
  private readonly callees: Map<AnyNode, GetterName>;
  /** Getter bindings that had uses before the rewrite: dropped when it leaves them unused. */
  private readonly usedGetterBindings: ModuleBinding[];
  private readonly fromWebTokenBindings = new Set<ModuleBinding>();

  constructor(
    j: JSCodeshift,
    root: Collection,
    file: FileInfo,
    options: TransformOptions,
  ) {
    super(j, root, file, options);
    this.getters = new GetterImports(j, root, this.editor, options.runtimeModules);
    const bindings = collectApiBindings(j, root, options.runtimeModules);
    this.callees = getterCallees(j, root, bindings, options.runtimeModules);
    this.usedGetterBindings = bindings.filter(
      (b) =>
        !b.typeOnly &&
        (b.exportName === OIDC_FACTS.asyncGetter || b.exportName === OIDC_FACTS.syncGetter || b.exportName === '*') &&
        bindingHasUses(j, root, b),
    );
  }

  run(): void {
    // fromWebToken first: a `webIdentityToken: process.env.…` property goes away with it.
    this.rewriteFromWebToken();
    for (const access of findEnvAccesses(this.j, this.root)) {
      if (access.name === TOKEN) this.rewriteEnvAccess(access);
    }
    if (!this.changed) return;
    removeUnusedBindings(this.j, this.root, this.editor, [
      ...this.usedGetterBindings.filter((b) => !bindingHasUses(this.j, this.root, b)),
      ...this.fromWebTokenBindings,
    ]);
  }

  private rewriteEnvAccess(access: EnvAccess): void {
    const where = access.via === 'process.env' ? ENV_TEXT : `import.meta.env.${TOKEN}`;
    if (access.write) {
      reportAt(this.options, access.path.node, `${where} is written here; a write is not a read of the token and stays`);
      return;
    }
    if (access.syntax === 'destructure') {
      this.rewriteDestructuring(access, where);
      return;
    }
    if (access.inTypeof || isPresenceCheck(usagePath(access.path))) {
      reportAt(
        this.options,
        access.path.node,
        `${where} is checked for presence here, but the getters throw when there is no token; left as it is (call ${OIDC_FACTS.asyncGetter}() in a try/catch instead)`,
      );
      return;
    }
    this.replaceWithGetter(memberTarget(access.path));
  }

  /** `const { VERCEL_OIDC_TOKEN: token } = process.env` -> `const token = <getter call>`. */
  private rewriteDestructuring(access: EnvAccess, where: string): void {
    const owner: AnyNode = access.patternOwner?.node;
    const pattern: AnyNode = access.pattern?.node;
    const prop: AnyNode = access.path.node;
    const sole =
      owner?.type === 'VariableDeclarator' &&
      owner.id === pattern &&
      pattern.properties.length === 1 &&
      isObjectProperty(prop) &&
      prop.value.type === 'Identifier' &&
      unwrapExpression(owner.init) === unwrapExpression(access.envObject.node);
    if (!sole || !access.patternOwner) {
      reportAt(
        this.options,
        prop,
        `${TOKEN} is destructured from ${where.replace(`.${TOKEN}`, '')} with other properties or a default; rewrite it to ${OIDC_FACTS.asyncGetter}() by hand`,
      );
      return;
    }
    const initPath = (access.patternOwner as AnyNode).get('init') as ASTPath;
    const call = this.getterCallAt(initPath);
    owner.id = this.j.identifier(prop.value.name as string);
    owner.init = call;
    this.changed = true;
  }

  private replaceWithGetter(target: ASTPath): void {
    target.replace(this.getterCallAt(target));
    this.changed = true;
  }

  /** The getter call for the place `path`. */
  private getterCallAt(path: ASTPath): AnyNode {
    const { node, getter } = this.getters.callFor(path);
    if (runsAtModuleLoad(path)) {
      reportAt(
        this.options,
        path.node,
        `the token is now read with ${getter}() once, while the module loads (it throws when there is no token, and the token expires); move the call into the code that uses the token`,
      );
    }
    return node;
  }

  private rewriteFromWebToken(): void {
    const j = this.j;
    const bindings = collectModuleBindings(j, this.root, (s) => FROM_WEB_TOKEN_MODULES.has(s));
    if (bindings.length === 0) return;
    const uses = findModuleUses(j, this.root, bindings, {
      names: [FROM_WEB_TOKEN],
      exports: (m, n) => n === FROM_WEB_TOKEN && FROM_WEB_TOKEN_MODULES.has(m),
    });
    for (const use of uses) {
      if (!isCallee(use.path)) continue;
      const callPath = use.path.parent as ASTPath;
      const call: AnyNode = callPath.node;
      if (call.arguments.length !== 1) continue;
      let optionsPath = (callPath as AnyNode).get('arguments', 0) as ASTPath;
      while (optionsPath.node !== unwrapExpression(optionsPath.node)) optionsPath = (optionsPath as AnyNode).get('expression') as ASTPath;
      const optionsNode: AnyNode = optionsPath.node;
      if (optionsNode.type !== 'ObjectExpression') continue;
      const index = (optionsNode.properties as AnyNode[]).findIndex(
        (p) => isObjectProperty(p) && propertyKeyName(p) === AWS_WEB_IDENTITY_FACTS.tokenOption,
      );
      if (index === -1) continue;
      const valuePath = (optionsPath as AnyNode).get('properties', index, 'value') as ASTPath;
      const origin = this.tokenOrigin(valuePath);
      if (!origin) continue;
      const plain = (optionsNode.properties as AnyNode[]).every((p) => isObjectProperty(p) && !p.computed);
      if (!plain) {
        reportAt(
          this.options,
          call,
          `${FROM_WEB_TOKEN}() with the OIDC token, but its options have a spread or a computed key; rewrite it to ${OIDC_FACTS.awsProvider}() by hand`,
        );
        continue;
      }
      const provider = ensureApiImport(this.editor, this.root, OIDC_FACTS.awsProvider, this.options.runtimeModules, undefined, use.path);
      replaceUse(j, use, parseExpression(j, provider));
      optionsPath.replace(parseExpression(j, withoutProperty(optionsNode, index, this.file.source)));
      if (use.binding) this.fromWebTokenBindings.add(use.binding);
      if (origin.kind === 'local') this.dropUnusedLocal(origin);
      this.changed = true;
    }
  }

  /** Whether the value at `path` is the Vercel token (or its promise): directly, or through a local const. */
  private tokenOrigin(valuePath: ASTPath): TokenOrigin | undefined {
    const path = unwrapPath(valuePath);
    const direct = this.directOrigin(path);
    if (direct) return direct;
    const node: AnyNode = path.node;
    if (node?.type !== 'Identifier') return undefined;
    const declaration = declarationOf(path, node.name);
    const declaratorPath = declaration?.parent as ASTPath | undefined;
    const declarator: AnyNode = declaratorPath?.node;
    if (!declaratorPath || declarator?.type !== 'VariableDeclarator' || declaration?.name !== 'id' || !declarator.init) return undefined;
    const scopeNode: AnyNode = scopeOf(declaration)?.node;
    const kind: unknown = (declaratorPath.parent?.node as AnyNode)?.kind;
    if (kind !== 'const' && isReassigned(this.j, this.root, node.name as string, scopeNode)) return undefined;
    return this.directOrigin(unwrapPath((declaratorPath as AnyNode).get('init') as ASTPath))
      ? { kind: 'local', declarator: declaratorPath, name: node.name as string }
      : undefined;
  }

  /** `path` is already unwrapped. */
  private directOrigin(path: ASTPath): TokenOrigin | undefined {
    const node: AnyNode = path.node;
    if (node?.type === 'AwaitExpression') {
      const getter = getterOfCall(node.argument, this.callees);
      return getter === OIDC_FACTS.asyncGetter ? { kind: 'direct', getter } : undefined;
    }
    const getter = getterOfCall(node, this.callees);
    if (getter) return { kind: 'direct', getter };
    if (isMemberExpression(node) && memberPropertyName(node) === TOKEN) {
      return envObjectKind((path as AnyNode).get('object') as ASTPath) ? { kind: 'direct' } : undefined;
    }
    return undefined;
  }

  /** Removes `const token = <token source>` when the rewrite took its last use. */
  private dropUnusedLocal(origin: Extract<TokenOrigin, { kind: 'local' }>): void {
    const declarator: AnyNode = origin.declarator.node;
    const scopeNode: AnyNode = scopeOf(origin.declarator)?.node;
    const stillUsed = this.j(scopeOf(origin.declarator)?.path as ASTPath)
      .find(this.j.Identifier, { name: origin.name })
      .some((p: ASTPath) => p.node !== declarator.id && scopeOf(p)?.lookup(origin.name)?.node === scopeNode && isValueReference(p));
    if (stillUsed) return;
    const declarationPath = origin.declarator.parent as ASTPath;
    const declaration: AnyNode = declarationPath.node;
    if (declaration.declarations.length > 1) {
      declaration.declarations = declaration.declarations.filter((d: AnyNode) => d !== declarator);
    } else if (declarationPath.parent?.node?.type === 'Program') {
      this.editor.removeStatement(declaration);
    } else {
      declarationPath.prune();
    }
  }
}

/**
 * The source text of an object literal without its `index`-th property (and one adjacent
 * comma): the rest keeps its layout, which reprinting the node would not.
 */
function withoutProperty(object: AnyNode, index: number, source: string): string {
  const props: AnyNode[] = object.properties;
  const prop = props[index];
  const [objectStart, objectEnd] = rangeOf(object);
  const [start, end] =
    index < props.length - 1
      ? [rangeOf(prop)[0], rangeOf(props[index + 1])[0]]
      : index > 0
        ? [rangeOf(props[index - 1])[1], rangeOf(prop)[1]]
        : rangeOf(prop);
  return relativeText(source.slice(0, start) + source.slice(end, objectEnd), objectStart, objectEnd - (end - start));
}

/** An identifier that reads a variable (not a property key or member name). */
function isValueReference(path: ASTPath): boolean {
  const parent: AnyNode = path.parent?.node;
  if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && path.name === 'property') return parent.computed === true;
  if (isObjectProperty(parent) && path.name === 'key') return parent.computed === true || parent.shorthand === true;
  return true;
}

export default rewriteTransform((j, root, file, options) => new OidcEnvRewrite(j, root, file, options));
