'use server';

import { saveOrder, type Order } from '../lib/orders';

export async function placeOrder(formData: FormData) {
  const order: Order = { id: crypto.randomUUID(), email: String(formData.get('email')), total: Number(formData.get('total')) };
  saveOrder(order); // expect: fn/no-floating-background-promise
  return { id: order.id };
}

export async function placeOrderAndWait(formData: FormData) {
  const order: Order = { id: crypto.randomUUID(), email: String(formData.get('email')), total: 0 };
  await saveOrder(order); // expect-none
  return { id: order.id };
}
