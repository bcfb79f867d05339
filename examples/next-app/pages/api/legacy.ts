// Pages Router API route: after() does not apply here, so waitUntil() is the right tool.
import type { NextApiRequest, NextApiResponse } from 'next';
import { waitUntil } from '@vercel/functions';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return res.status(405).end();
  }
  const { orderId } = req.body as { orderId: string };

  // Correct: the audit write outlives the response and the platform waits for it.
  waitUntil(
    fetch(`${process.env.ORDERS_API_URL}/audit`, {
      method: 'POST',
      body: JSON.stringify({ orderId, source: 'legacy-api' }),
    }),
  );

  // Mistake: nothing waits for this one.
  fetch(`${process.env.ORDERS_API_URL}/orders/${orderId}/touch`, { method: 'POST' });

  res.status(202).json({ accepted: orderId });
}
