/**
 * edge-to-functions: imports from the legacy `@vercel/edge` package move to
 * `@vercel/functions` (functions and types) and `@vercel/functions/headers` (the header
 * constants), per the catalog's EDGE_EXPORT_MIGRATION. Exports with no counterpart
 * (RequestContext, ModifiedRequest, ...) stay importing from `@vercel/edge`, with a note
 * that says what to use instead.
 */
import { EDGE_EXPORT_MIGRATION, EDGE_PACKAGE, PREFERRED_FUNCTIONS_PACKAGE } from '../lib/catalog.js';
import type { TransformMeta } from './utils/contract.js';
import { moveImportsTransform } from './utils/move-imports.js';

const TARGETS = [
  ...new Set(
    Object.values(EDGE_EXPORT_MIGRATION).flatMap((m) => ('module' in m ? [m.module] : [])),
  ),
].sort((a, b) => (a === PREFERRED_FUNCTIONS_PACKAGE ? -1 : b === PREFERRED_FUNCTIONS_PACKAGE ? 1 : a.localeCompare(b)));

export const meta: TransformMeta = {
  name: 'edge-to-functions',
  description: `Moves imports from ${EDGE_PACKAGE} to ${TARGETS.join(' and ')}; reports what has no counterpart`,
  textFilter: (source) => source.includes(EDGE_PACKAGE),
};

export default moveImportsTransform({
  from: EDGE_PACKAGE,
  targetOf(name) {
    const migration = EDGE_EXPORT_MIGRATION[name];
    return migration && 'module' in migration ? migration.module : undefined;
  },
  whyNot(name) {
    const migration = EDGE_EXPORT_MIGRATION[name];
    const why = migration && 'removed' in migration ? migration.removed : `not an export ${EDGE_PACKAGE} is known to have`;
    return `${name} from ${EDGE_PACKAGE} has no counterpart in ${PREFERRED_FUNCTIONS_PACKAGE} (${why}); left importing from ${EDGE_PACKAGE}`;
  },
  preferredPrimary: TARGETS,
});
