import { waitUntil } from '@vercel/functions';

export async function POST() {
  const result = await waitUntil(fetch('https://example.com/a'));
  return Response.json({ result, other: await waitUntil(fetch('https://example.com/b')) });
}

export const GET = async () => await waitUntil(fetch('https://example.com/c'));
