import { NextResponse } from 'next/server';
import { waitUntil } from '@vercel/functions';

export async function POST(request: Request) {
  const body = await request.json();
  waitUntil(fetch('https://example.com/audit', { method: 'POST', body: JSON.stringify(body) }));
  return NextResponse.json({ ok: true });
}
