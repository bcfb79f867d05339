import { vi } from 'vitest';
import { getVercelOidcToken } from '@vercel/oidc';

vi.mock('@vercel/functions/oidc', () => ({ getVercelOidcToken: async () => 'test' }));

export const token = () => getVercelOidcToken();
