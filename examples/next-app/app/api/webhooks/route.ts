import { waitUntil } from '@vercel/functions';
import { track } from '@/lib/analytics';

interface PaymentEvent {
  id: string;
  type: string;
  data: { customerId: string; amount: number };
}

async function syncCustomer(customerId: string): Promise<void> {
  await fetch(`${process.env.ORDERS_API_URL}/customers/${customerId}/sync`, { method: 'POST' });
}

export async function POST(request: Request) {
  const signature = request.headers.get('x-payment-signature');
  if (!signature && process.env.VERCEL_ENV === 'production') {
    return new Response('missing signature', { status: 401 });
  }
  const event = (await request.json()) as PaymentEvent;

  // Passes a function: waitUntil() needs a promise and throws at run time.
  waitUntil(async () => {
    await fetch(process.env.SLACK_WEBHOOK_URL!, {
      method: 'POST',
      body: JSON.stringify({ text: `payment ${event.type}: ${event.data.amount}` }),
    });
  });

  // Awaiting waitUntil() does not wait for the task; it only reads as if it did.
  await waitUntil(syncCustomer(event.data.customerId));

  // Correct use of waitUntil, but this is App Router code on Next 15.2: after() is the tool.
  waitUntil(track('payment_webhook', { type: event.type }));

  return Response.json({ received: event.id });
}
