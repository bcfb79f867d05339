import { getEnv } from '@acme/platform';

export default async function handler(request: Request) {
  fetch(`https://${getEnv().VERCEL_URL}/warm`);
  return new Response(request.method);
}
