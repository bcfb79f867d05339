import { waitUntil } from '@vercel/functions';
import { getVercelOidcToken } from './my-oidc';

export const header = `Bearer ${getVercelOidcToken()}`;
waitUntil(Promise.resolve());

export function local() {
  const getVercelOidcToken = () => 'x';
  return `${getVercelOidcToken()}`;
}
