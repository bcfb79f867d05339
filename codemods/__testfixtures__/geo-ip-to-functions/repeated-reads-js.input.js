import { NextResponse } from 'next/server';

export default function middleware(req) {
  const country = req.geo?.country ?? req.headers.get('x-vercel-ip-country');
  const city = req?.geo?.city?.toLowerCase();
  const ip = req.headers.get('x-real-ip') || req.ip;
  return NextResponse.json({ country, city, ip });
}
