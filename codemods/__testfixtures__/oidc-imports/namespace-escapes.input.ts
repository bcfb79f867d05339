import * as oidc from '@vercel/functions/oidc';

export const helpers = oidc;
