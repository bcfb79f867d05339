import type { NextApiRequest, NextApiResponse } from 'next';

function notify(id: string) {
  return fetch(`https://hooks.example.com/${id}`);
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  notify(String(req.query.id));
  res.status(200).json({ ok: true });
}
