import { db } from './db';

export class InventoryService {
  async reserve(orderId: string): Promise<void> {
    const { error } = await db.from('reservations').insert({ orderId });
    if (error) throw new Error(`reserving stock for ${orderId}: ${error.message}`);
  }

  static async sync(): Promise<void> {
    await fetch('https://warehouse.example.com/sync', { method: 'POST' });
  }
}
