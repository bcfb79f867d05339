import { waitUntil } from '@fn-kit/functions';
import { getVercelOidcTokenSync } from '@fn-kit/functions/oidc';

export const header = 'Bearer ' + getVercelOidcTokenSync();
waitUntil(Promise.resolve());
