/**
 * Reporting a raw request read together with its replacement by a functions-API call on the
 * request (`geolocation(request).city`, `ipAddress(request)`), with the API's import: an
 * autofix when the rewrite is safe and the import resolves, a suggestion otherwise, a plain
 * report when no import can be planned. Shared by prefer-geolocation and prefer-ip-address.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { requestText } from './header-reads.js';
import { planApiImport } from './import-fixer.js';
import { requestGeoIpRemovedIn } from './next-support.js';

type Fixes = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

export interface ApiCallFix<MessageId extends string> {
  /** What `<prefix><api>(<argument>)<suffix>` replaces. */
  readonly target: TSESTree.Node;
  /** The call's argument: the request, or a headers object. */
  readonly argument: TSESTree.Expression;
  readonly prefix?: string;
  readonly suffix?: string;
  /** The rewrite keeps the meaning: an autofix (when the import resolves), else a suggestion. */
  readonly autofix: boolean;
  /** The suggestion's message; it gets `{{replacement}}`. */
  readonly suggestion: MessageId;
  /** More edits that belong to the same fix (renames of the replaced value's uses). */
  readonly extra?: Fixes;
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
  const plan = planApiImport(context, api, fix.target);
  const replacement = `${fix.prefix ?? ''}${plan.expression}(${requestText(context.sourceCode, fix.argument)})${fix.suffix ?? ''}`;
  const apply: Fixes = (fixer) => [...plan.fixes(fixer), fixer.replaceText(fix.target, replacement), ...(fix.extra?.(fixer) ?? [])];
  if (fix.autofix && plan.resolvable) context.report({ node, ...message, fix: apply });
  else context.report({ node, ...message, suggest: [{ messageId: fix.suggestion, data: { replacement }, fix: apply }] });
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
