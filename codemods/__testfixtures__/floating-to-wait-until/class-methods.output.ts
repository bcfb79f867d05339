import type { NextApiRequest, NextApiResponse } from 'next';
import { audit, AuditLog } from '@/lib/audit-log';
import { waitUntil } from '@vercel/functions';

class Store {
  async save(id: string): Promise<void> {
    await fetch(`https://store.example.com/${id}`, { method: 'PUT' });
  }

  label(): string {
    return 'store';
  }
}

const store = new Store();

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  waitUntil(store.save('a'));
  waitUntil(audit.record('hit'));
  waitUntil(AuditLog.flush());
  // Not promises, or not known: left alone.
  store.label();
  audit.format('hit');
  res.status(200).json({ ok: true });
}
