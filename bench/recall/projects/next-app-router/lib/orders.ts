import { db } from './db';

export type Order = { id: string; email: string; total: number };

export async function saveOrder(order: Order): Promise<void> {
  const { error } = await db.from('orders').insert(order);
  if (error) throw new Error(`saving order ${order.id}: ${error.message}`);
}

/** Drops its own work: the audit request is never awaited nor returned. */
export function recordAudit(orderId: string): void {
  fetch('https://audit.internal.example.com/events', { method: 'POST', body: JSON.stringify({ orderId }) }); // expect-none
}
