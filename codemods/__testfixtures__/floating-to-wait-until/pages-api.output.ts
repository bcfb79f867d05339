import type { NextApiRequest, NextApiResponse } from 'next';
import { waitUntil } from '@vercel/functions';

function notify(id: string) {
  return fetch(`https://hooks.example.com/${id}`);
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  waitUntil(notify(String(req.query.id)));
  res.status(200).json({ ok: true });
}
