import { NextResponse } from 'next/server';

async function track(event: string) {
  await fetch('https://analytics.example.com', { method: 'POST', body: event });
}

export async function POST(request: Request) {
  const body = await request.json();
  fetch('https://example.com/audit', { method: 'POST', body: JSON.stringify(body) });
  void track('order');
  track('order').catch(() => {});
  return NextResponse.json({ ok: true });
}
