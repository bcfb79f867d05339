/**
 * Reporting a raw request read together with its replacement by a functions-API call on the
 * request (`geolocation(request).city`, `ipAddress(request)`), with the API's import: an
 * autofix when the rewrite is safe and the import resolves, a suggestion otherwise, a plain
 * report when no import can be planned. Shared by prefer-geolocation and prefer-ip-address.
 */
import { dirname, resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { FUNCTIONS_PACKAGES, moduleExports, PREFERRED_FUNCTIONS_PACKAGE, resolveApiModule } from '../../lib/catalog.js';
import { packageResolvableFrom } from '../../lib/import-source.js';
import type { HeaderFramework } from './framework-header-reads.js';
import { requestText } from './header-reads.js';
import { importedModules, planApiImport, planImport, type ApiImportFix } from './import-fixer.js';
import { requestGeoIpRemovedIn } from './next-support.js';

/**
 * The functions package whose `ipAddress()` / `geolocation()` also read a Node request's
 * plain-object headers (`@fn-kit/functions`); upstream's read `headers.get` and throw on one.
 */
export const NODE_REQUEST_PACKAGE: string = FUNCTIONS_PACKAGES.find((p) => p !== PREFERRED_FUNCTIONS_PACKAGE) ?? PREFERRED_FUNCTIONS_PACKAGE;

type Fixes = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

export interface ApiCallFix<MessageId extends string> {
  /** What `<prefix><api>(<argument>)<suffix>` replaces. */
  readonly target: TSESTree.Node;
  /** The call's argument: the request, or a headers object (a node, or the text to write). */
  readonly argument: TSESTree.Expression | string;
  readonly prefix?: string;
  readonly suffix?: string;
  /** The rewrite keeps the meaning: an autofix (when the import resolves), else a suggestion. */
  readonly autofix: boolean;
  /** The suggestion's message; it gets `{{replacement}}`. */
  readonly suggestion: MessageId;
  /** More edits that belong to the same fix (renames of the replaced value's uses). */
  readonly extra?: Fixes;
  /**
   * The argument is a Node request, which only NODE_REQUEST_PACKAGE's function reads: the
   * import comes from that package, the fix is an autofix only when the file already imports
   * from it, and otherwise a suggestion with this message (it gets `{{replacement}}` and `{{module}}`).
   */
  readonly nodeRequest?: MessageId;
}

export interface ReportMessage<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data?: Record<string, string>;
}

/** Reports `node` with `message`, fixing it to a call of the API export `api` as `fix` says. */
export function reportWithApiCall<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  api: string,
  node: TSESTree.Node,
  message: ReportMessage<MessageId>,
  fix: ApiCallFix<MessageId> | undefined,
): void {
  if (!fix) {
    context.report({ node, ...message });
    return;
  }
  const nodePlan = fix.nodeRequest !== undefined ? planNodeRequestImport(context, api, fix.target) : undefined;
  const plan = nodePlan ?? planApiImport(context, api, fix.target);
  const argument = typeof fix.argument === 'string' ? fix.argument : requestText(context.sourceCode, fix.argument);
  const replacement = `${fix.prefix ?? ''}${plan.expression}(${argument})${fix.suffix ?? ''}`;
  const apply: Fixes = (fixer) => [...plan.fixes(fixer), fixer.replaceText(fix.target, replacement), ...(fix.extra?.(fixer) ?? [])];
  if (fix.autofix && plan.resolvable && (!nodePlan || nodePlan.importsPackage)) {
    context.report({ node, ...message, fix: apply });
    return;
  }
  const suggestion = fix.nodeRequest ?? fix.suggestion;
  context.report({ node, ...message, suggest: [{ messageId: suggestion, data: { replacement, module: NODE_REQUEST_PACKAGE }, fix: apply }] });
}

/**
 * The import of `api` from NODE_REQUEST_PACKAGE: an existing binding from it is reused, else the
 * module of it the file already imports, else its root. `importsPackage`: the file imports from it.
 */
function planNodeRequestImport(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  api: string,
  useSite: TSESTree.Node,
): ApiImportFix & { readonly importsPackage: boolean } {
  const fromPackage = (s: string): boolean => resolveApiModule(s)?.pkg === NODE_REQUEST_PACKAGE;
  const modules = importedModules(context.sourceCode).filter(fromPackage);
  const module = modules.find((m) => moduleExports(m, api)) ?? NODE_REQUEST_PACKAGE;
  const plan = planImport(context.sourceCode, { module, name: api, reuseFrom: fromPackage, at: useSite });
  const importsPackage = modules.length > 0;
  const resolvable = importsPackage || packageResolvableFrom(dirname(resolve(context.filename)), NODE_REQUEST_PACKAGE);
  return { ...plan, resolvable, importsPackage };
}

/** How a framework's header read becomes an API call: the argument to pass and how safe the rewrite is. */
export interface FrameworkApiCall {
  readonly argument: string;
  /**
   * `autofix`: the same value with either functions package (Hono's `c.req.raw` is the web
   * Request, and `c.req.header()` says `undefined` for a missing header, as the API does);
   * `node-request`: only NODE_REQUEST_PACKAGE reads it (an Express `req`);
   * `suggestion`: the h3 event works through its `headers` getter, which h3 has only since 1.8.
   */
  readonly safety: 'autofix' | 'node-request' | 'suggestion';
}

export function frameworkApiCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  source: { readonly framework: HeaderFramework; readonly request: TSESTree.Expression },
): FrameworkApiCall {
  const request = requestText(sourceCode, source.request);
  switch (source.framework) {
    case 'hono':
      return { argument: `${request}.raw`, safety: 'autofix' };
    case 'express':
      return { argument: request, safety: 'node-request' };
    case 'h3':
      return { argument: request, safety: 'suggestion' };
  }
}

/** The message for a read of NextRequest `.geo` / `.ip`: `removed` (with the version) once the project's Next has dropped it. */
export function removedPropertyMessage<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  removed: MessageId,
  present: MessageId,
): ReportMessage<MessageId> {
  const version = requestGeoIpRemovedIn(context);
  return version ? { messageId: removed, data: { version } } : { messageId: present };
}
