import { NextResponse, after } from 'next/server';

export async function POST() {
  after(async () => {
    await fetch('https://example.com/log');
  });
  return NextResponse.json({ ok: true });
}
