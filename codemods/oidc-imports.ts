/**
 * oidc-imports: imports from the deprecated `@vercel/functions/oidc` entry point move to
 * the packages the helpers live in now: `@vercel/oidc` (the token getters) and
 * `@vercel/oidc-aws-credentials-provider` (awsCredentialsProvider). Every import form is
 * handled (see utils/move-imports); an import that mixes both targets is split in two, and
 * a namespace import is split when every use of it is `ns.<name>` (reported otherwise).
 */
import {
  CANONICAL_IMPORT,
  CANONICAL_TYPE_IMPORT,
  DEPRECATED_OIDC_SUBPATH,
  OIDC_PACKAGES,
  PREFERRED_FUNCTIONS_PACKAGE,
} from '../lib/catalog.js';
import type { TransformMeta } from './utils/contract.js';
import { moveImportsTransform } from './utils/move-imports.js';

const DEPRECATED = `${PREFERRED_FUNCTIONS_PACKAGE}${DEPRECATED_OIDC_SUBPATH}`;
const TARGETS: readonly string[] = Object.values(OIDC_PACKAGES);

export const meta: TransformMeta = {
  name: 'oidc-imports',
  description: `Moves imports from the deprecated ${DEPRECATED} to ${OIDC_PACKAGES.tokens} and ${OIDC_PACKAGES.aws}`,
  textFilter: (source) => source.includes(DEPRECATED),
};

export default moveImportsTransform({
  from: DEPRECATED,
  targetOf(name) {
    const value = CANONICAL_IMPORT[name];
    if (value !== undefined && TARGETS.includes(value)) return value;
    return CANONICAL_TYPE_IMPORT[name];
  },
  whyNot: (name) => `${name} of ${DEPRECATED} has no known counterpart in ${TARGETS.join(' or ')}; left in place`,
  preferredPrimary: TARGETS,
  reportLeftoverMentions: true,
});
