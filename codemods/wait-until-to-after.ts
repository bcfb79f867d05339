/**
 * wait-until-to-after: `waitUntil` from the functions API -> `after` from `next/server` in
 * Next.js App Router code (app/**, middleware/proxy, 'use server' files), when the
 * project's Next.js has it: `after` from 15.1.0, `unstable_after as after` on 15.0.x.
 * Older Next, no Next at all, pages/api/** and client files are skipped with a reason.
 * `await waitUntil(p)` whose value goes unused becomes `after(p)`: both return void, so the
 * `await` never waited for the task.
 */
import type { API, ASTPath, FileInfo } from 'jscodeshift';
import { mentionsApiModule, NEXT_FACTS } from '../lib/catalog.js';
import { pathRole } from '../lib/file-role.js';
import { afterSupport, findNextVersion } from '../lib/next-version.js';
import { findApiUses } from './utils/api-bindings.js';
import { getProjectIndex } from '../lib/project-index/index.js';
import { importsAnything } from './utils/source-text.js';
import { type AnyNode, hasDirective, programOf } from './utils/ast.js';
import { skipFile, type TransformMeta, type TransformOptions } from './utils/contract.js';
import { ImportEditor } from './utils/imports.js';
import { reportAt } from './utils/report.js';
import { removeUnusedBindings, replaceUse } from './utils/rewrite.js';

const WAIT_UNTIL = 'waitUntil';

export const meta: TransformMeta = {
  name: 'wait-until-to-after',
  description: `waitUntil() from the functions API -> after() from ${NEXT_FACTS.afterModule} in App Router code (Next.js >= ${NEXT_FACTS.afterStableFrom}; unstable_after on 15.0)`,
  // The API module itself, or a module of the project that may pass waitUntil on (through
  // any specifier a tsconfig `paths` entry allows).
  textFilter: (source, options) => source.includes(WAIT_UNTIL) && (mentionsApiModule(source, options.runtimeModules) || importsAnything(source)),
};

export default function transform(file: FileInfo, api: API, options: TransformOptions): string | undefined {
  const j = api.jscodeshift;
  const root = j(file.source);
  const project = { file: file.path, index: getProjectIndex({ enabled: true, runtimeModules: options.runtimeModules }) };
  const { bindings, uses } = findApiUses(j, root, [WAIT_UNTIL], options.runtimeModules, project);
  if (uses.length === 0) return undefined;
  const waitUntilBindings = bindings.filter((b) => b.exportName === WAIT_UNTIL && !b.typeOnly);

  const program = programOf(root);
  const role = pathRole(file.path);
  if (role.pagesApi) {
    skipFile(`${NEXT_FACTS.pagesApiDir}/** is Pages Router code, where after() does not apply; waitUntil stays`);
  }
  if (hasDirective(program, 'use client')) skipFile("a 'use client' file: after() runs on the server only");
  const serverAction = hasDirective(program, 'use server');
  if (!role.appRouter && !role.middleware && !serverAction) {
    skipFile("not App Router code (app/**, middleware/proxy or a 'use server' file); waitUntil stays");
  }
  const next = findNextVersion(file.path, options.nextVersion);
  if (!next) {
    skipFile('no Next.js version found (no package.json with next above this file); pass --next-version');
  }
  const support = afterSupport(next.version);
  if (support === 'none') {
    skipFile(
      `Next.js ${next.version} (from ${next.source}) has no after(): it needs ${NEXT_FACTS.afterStableFrom}, or ${NEXT_FACTS.unstableAfterFrom} with unstable_after; waitUntil stays`,
    );
  }

  const editor = new ImportEditor(j, root, file);
  const request =
    support === 'after'
      ? { module: NEXT_FACTS.afterModule, name: NEXT_FACTS.afterExport, aliases: ['nextAfter'] }
      : { module: NEXT_FACTS.afterModule, name: NEXT_FACTS.unstableAfterExport, locals: [NEXT_FACTS.afterExport, 'nextAfter'] };
  // Per use: an existing `after` import is reused only where no local `after` hides it.
  const rewrites = uses.map((use) => ({ use, local: editor.ensure({ ...request, at: use.path }), awaited: awaitOfCall(use.path) }));
  for (const { use, local } of rewrites) replaceUse(j, use, local);
  for (const { awaited, local } of rewrites) if (awaited) dropAwait(awaited, local, options);

  // waitUntil bindings are now unused; namespaces are dropped only when nothing else uses them.
  const touched = new Set(uses.map((u) => u.binding).filter((b) => b !== undefined));
  for (const b of waitUntilBindings) touched.add(b);
  removeUnusedBindings(j, root, editor, [...touched]);
  return editor.print();
}

/** The `await` directly around a call whose callee is `calleePath`, if any. */
function awaitOfCall(calleePath: ASTPath): ASTPath | undefined {
  const callPath = calleePath.parent as ASTPath | null;
  if (!callPath || calleePath.name !== 'callee' || (callPath.node as AnyNode).type !== 'CallExpression') return undefined;
  const awaitPath = callPath.parent as ASTPath | null;
  if (!awaitPath || callPath.name !== 'argument' || (awaitPath.node as AnyNode).type !== 'AwaitExpression') return undefined;
  return awaitPath;
}

/** Whether nothing reads the value of the expression at `path` (a statement, `void x`, `a, b`). */
function valueUnused(path: ASTPath): boolean {
  const parentPath = path.parent as ASTPath | null;
  const parent: AnyNode = parentPath?.node;
  if (!parentPath || !parent) return false;
  switch (parent.type) {
    case 'ExpressionStatement':
      return true;
    case 'UnaryExpression':
      return parent.operator === 'void';
    case 'ParenthesizedExpression':
      return valueUnused(parentPath);
    case 'SequenceExpression':
      return parent.expressions[parent.expressions.length - 1] !== path.node || valueUnused(parentPath);
    default:
      return false;
  }
}

/** `await after(p);` -> `after(p);` when the value is unused; otherwise kept, with a note. */
function dropAwait(awaitPath: ASTPath, local: string, options: TransformOptions): void {
  const node: AnyNode = awaitPath.node;
  if (!valueUnused(awaitPath)) {
    reportAt(
      options,
      node,
      `the value of \`await ${WAIT_UNTIL}(…)\` is used; ${WAIT_UNTIL}() returned undefined and ${local}() does too, so the \`await\` stays: check what this code expects`,
    );
    return;
  }
  const call: AnyNode = node.argument;
  if (node.comments?.length) call.comments = [...node.comments, ...(call.comments ?? [])];
  awaitPath.replace(call);
}
