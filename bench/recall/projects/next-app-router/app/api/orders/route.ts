import { after, type NextRequest } from 'next/server';
import { recordAudit, saveOrder, type Order } from '@/lib/orders';
import { db } from '@/lib/db';
import { InventoryService } from '@/lib/inventory';

export async function POST(request: NextRequest) {
  const order = (await request.json()) as Order;

  saveOrder(order); // expect: fn/no-floating-background-promise
  recordAudit(order.id); // expect: fn/no-floating-background-promise
  new InventoryService().reserve(order.id); // expect: fn/no-floating-background-promise
  InventoryService.sync(); // expect: fn/no-floating-background-promise
  void db.from('logs').insert({ event: 'order.created', orderId: order.id }); // expect: fn/no-floating-background-promise

  after(db.from('logs').insert({ event: 'order.after', orderId: order.id })); // expect-none
  after(() => recordAudit(order.id)); // expect-none
  return Response.json({ ok: true });
}

export async function PUT(request: NextRequest) {
  const order = (await request.json()) as Order;
  await saveOrder(order); // expect-none
  return Response.json({ ok: true });
}

export function PATCH(request: NextRequest) {
  return request.json().then((order: Order) => saveOrder(order)); // expect-none
}
