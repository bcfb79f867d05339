/**
 * wait-until-to-after: `waitUntil` from the functions API -> `after` from `next/server` in
 * Next.js App Router code (app/**, middleware/proxy, 'use server' files), when the
 * project's Next.js has it: `after` from 15.1.0, `unstable_after as after` on 15.0.x.
 * Older Next, no Next at all, pages/api/** and client files are skipped with a reason.
 */
import type { API, FileInfo } from 'jscodeshift';
import { mentionsApiModule, NEXT_FACTS } from '../lib/catalog.js';
import { pathRole } from '../lib/file-role.js';
import { afterSupport, findNextVersion } from '../lib/next-version.js';
import { findApiUses } from './utils/api-bindings.js';
import { hasDirective, programOf } from './utils/ast.js';
import { skipFile, type TransformMeta, type TransformOptions } from './utils/contract.js';
import { ImportEditor } from './utils/imports.js';
import { removeUnusedBindings, replaceUse } from './utils/rewrite.js';

const WAIT_UNTIL = 'waitUntil';

export const meta: TransformMeta = {
  name: 'wait-until-to-after',
  description: `waitUntil() from the functions API -> after() from ${NEXT_FACTS.afterModule} in App Router code (Next.js >= ${NEXT_FACTS.afterStableFrom}; unstable_after on 15.0)`,
  textFilter: (source, options) => source.includes(WAIT_UNTIL) && mentionsApiModule(source, options.runtimeModules),
};

export default function transform(file: FileInfo, api: API, options: TransformOptions): string | undefined {
  const j = api.jscodeshift;
  const root = j(file.source);
  const { bindings, uses } = findApiUses(j, root, [WAIT_UNTIL], options.runtimeModules);
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
  const local = editor.ensure(
    support === 'after'
      ? { module: NEXT_FACTS.afterModule, name: NEXT_FACTS.afterExport, aliases: ['nextAfter'] }
      : { module: NEXT_FACTS.afterModule, name: NEXT_FACTS.unstableAfterExport, locals: [NEXT_FACTS.afterExport, 'nextAfter'] },
  );
  for (const use of uses) replaceUse(j, use, local);

  // waitUntil bindings are now unused; namespaces are dropped only when nothing else uses them.
  const touched = new Set(uses.map((u) => u.binding).filter((b) => b !== undefined));
  for (const b of waitUntilBindings) touched.add(b);
  removeUnusedBindings(j, root, editor, [...touched]);
  return editor.print();
}
