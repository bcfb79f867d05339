import type { NextApiRequest, NextApiResponse } from 'next';
import { waitUntil } from '../../lib/background';
import { sendWelcome } from '../../lib/email';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = req.body as { type: string; data: { email: string } };
  if (event.type === 'customer.created') {
    waitUntil(async () => { // expect: fn/valid-wait-until
      await sendWelcome(event.data.email);
    });
    waitUntil(sendWelcome(event.data.email)); // expect-none
  }
  res.status(200).json({ received: true });
}
