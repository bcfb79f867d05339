import type { NextApiRequest, NextApiResponse } from 'next';
import { audit, AuditLog } from '@/lib/audit-log';

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
  store.save('a');
  audit.record('hit');
  AuditLog.flush();
  // Not promises, or not known: left alone.
  store.label();
  audit.format('hit');
  res.status(200).json({ ok: true });
}
