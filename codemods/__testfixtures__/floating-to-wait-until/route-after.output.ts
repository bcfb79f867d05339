import { NextResponse, after } from 'next/server';

async function track(event: string) {
  await fetch('https://analytics.example.com', { method: 'POST', body: event });
}

export async function POST(request: Request) {
  const body = await request.json();
  after(fetch('https://example.com/audit', { method: 'POST', body: JSON.stringify(body) }));
  after(track('order'));
  after(track('order').catch(() => {}));
  return NextResponse.json({ ok: true });
}
