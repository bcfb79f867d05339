import { after } from 'next/server';

export async function POST() {
  const result = await after(fetch('https://example.com/a'));
  return Response.json({ result, other: await after(fetch('https://example.com/b')) });
}

export const GET = async () => await after(fetch('https://example.com/c'));
