import { NextResponse, type NextRequest } from 'next/server';
import { track } from '@/lib/analytics';

const BASE_URL = `https://${process.env.VERCEL_URL}`;

interface Order {
  items: { sku: string; quantity: number }[];
  email: string;
}

export async function POST(request: NextRequest) {
  // Rate-limit key: the first x-forwarded-for entry is whatever the client sent.
  const clientIp = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';

  const order = (await request.json()) as Order;
  const created = await fetch(`${process.env.ORDERS_API_URL}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-ip': clientIp },
    body: JSON.stringify(order),
  });
  if (!created.ok) {
    return NextResponse.json({ error: 'order rejected' }, { status: 502 });
  }
  const { id } = (await created.json()) as { id: string };

  // Fire-and-forget: nothing keeps the function alive for these once the response is sent.
  fetch(`${process.env.ORDERS_API_URL}/orders/${id}/reserve-stock`, { method: 'POST' });
  void track('checkout_completed', { orderId: id, items: order.items.length });
  fetch(`${process.env.EMAIL_API_URL}/receipts`, {
    method: 'POST',
    body: JSON.stringify({ orderId: id, email: order.email }),
  }).catch((error) => console.error('receipt failed', error));

  return NextResponse.json({ id, status: `${BASE_URL}/orders/${id}` }, { status: 201 });
}
