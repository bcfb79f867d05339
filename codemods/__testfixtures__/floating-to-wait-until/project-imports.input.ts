import { saveOrder, recordAudit, maybeSync } from '@/lib/orders';
import { welcome } from '@/lib';
import { db } from '@/lib/db';

export async function POST(request: Request) {
  const order = (await request.json()) as { id: string };
  saveOrder(order);
  void welcome('a@b.c');
  void db.from('logs').insert({ order: order.id });
  // Not certainly a promise on every path: left alone.
  maybeSync(order);
  // Drops its own work inside: nothing to wrap here (the fix belongs in lib/orders.ts).
  recordAudit(order.id);
  return Response.json({ ok: true });
}
