/**
 * oidc-imports: imports from the deprecated `@vercel/functions/oidc` entry point move to
 * the packages the helpers live in now: `@vercel/oidc` (the token getters) and
 * `@vercel/oidc-aws-credentials-provider` (awsCredentialsProvider). Every import form is
 * handled (see utils/move-imports); an import that mixes both targets is split in two, and
 * a namespace import is split when every use of it is `ns.<name>` (reported otherwise).
 */
import type { API, ASTPath, FileInfo } from 'jscodeshift';
import {
  CANONICAL_IMPORT,
  CANONICAL_TYPE_IMPORT,
  DEPRECATED_OIDC_SUBPATH,
  OIDC_PACKAGES,
  PREFERRED_FUNCTIONS_PACKAGE,
} from '../lib/catalog.js';
import type { AnyNode } from './utils/ast.js';
import type { TransformMeta, TransformOptions } from './utils/contract.js';
import { ModuleMover, type MoveConfig } from './utils/move-imports.js';

const DEPRECATED = `${PREFERRED_FUNCTIONS_PACKAGE}${DEPRECATED_OIDC_SUBPATH}`;
const TARGETS: readonly string[] = Object.values(OIDC_PACKAGES);

export const meta: TransformMeta = {
  name: 'oidc-imports',
  description: `Moves imports from the deprecated ${DEPRECATED} to ${OIDC_PACKAGES.tokens} and ${OIDC_PACKAGES.aws}`,
  textFilter: (source) => source.includes(DEPRECATED),
};

const config: MoveConfig = {
  from: DEPRECATED,
  targetOf(name) {
    const value = CANONICAL_IMPORT[name];
    if (value !== undefined && TARGETS.includes(value)) return value;
    return CANONICAL_TYPE_IMPORT[name];
  },
  whyNot: (name) => `${name} of ${DEPRECATED} has no known counterpart in ${TARGETS.join(' or ')}; left in place`,
  preferredPrimary: TARGETS,
};

export default function transform(file: FileInfo, api: API, options: TransformOptions): string | undefined {
  const j = api.jscodeshift;
  const root = j(file.source);
  const mover = new ModuleMover(j, root, file, options, config);
  mover.run();
  if (!mover.changed) return undefined;
  // ast-types counts Babel's StringLiteral as a Literal.
  const remaining = root.find(j.Literal).filter((p: ASTPath) => (p.node as AnyNode).value === DEPRECATED).size();
  if (remaining > 0) options.report(`${DEPRECATED} is still mentioned ${remaining} time(s) (e.g. in a mock); check those by hand`);
  return mover.print();
}
