import { NextResponse, after } from 'next/server';

export async function POST(request: Request) {
  const body = await request.json();
  after(fetch('https://example.com/audit', { method: 'POST', body: JSON.stringify(body) }));
  return NextResponse.json({ ok: true });
}
