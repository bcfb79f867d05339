import { waitUntil } from '@fn-kit/functions';
import { getVercelOidcToken as tok } from '@fn-kit/functions/oidc';

export const header = 'Bearer ' + tok();
waitUntil(Promise.resolve());
