import { NextResponse } from 'next/server';

export async function GET() {
  const res = await fetch('https://api.example.com/data', {
    headers: { Authorization: `Bearer ${process.env.VERCEL_OIDC_TOKEN}` },
  });
  return NextResponse.json(await res.json());
}
