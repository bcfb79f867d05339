import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const ip = req.headers['x-real-ip'];
  res.json({ ip, country: req.headers['x-vercel-ip-country'] });
}
