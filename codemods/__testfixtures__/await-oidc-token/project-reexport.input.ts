import { getVercelOidcToken } from '@/lib/oidc';

export async function GET() {
  return fetch('https://api.example.com', {
    headers: { Authorization: `Bearer ${getVercelOidcToken()}` },
  });
}
