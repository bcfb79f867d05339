import { NextResponse } from 'next/server';
import { getVercelOidcToken } from '@vercel/oidc';

export async function GET() {
  const res = await fetch('https://api.example.com/data', {
    headers: { Authorization: `Bearer ${await getVercelOidcToken()}` },
  });
  return NextResponse.json(await res.json());
}
