import { getEnv, waitUntil } from '@acme/platform';

export default async function handler(request: Request) {
  waitUntil(fetch(`https://${getEnv().VERCEL_URL}/warm`));
  return new Response(request.method);
}
