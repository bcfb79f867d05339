import { NextResponse, unstable_after } from 'next/server';

export async function POST() {
  unstable_after(async () => {
    await fetch('https://example.com/log');
  });
  return NextResponse.json({ ok: true });
}
