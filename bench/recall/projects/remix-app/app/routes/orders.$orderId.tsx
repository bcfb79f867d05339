import { json, type ActionFunctionArgs, type ClientLoaderFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { sendReceipt, trackView } from '~/lib/analytics.server';

export async function loader({ params, request }: LoaderFunctionArgs) {
  trackView(`/orders/${params.orderId}`, request.headers.get('user-agent')); // expect: fn/no-floating-background-promise
  const order = await fetch(`https://api.example.com/orders/${params.orderId}`).then((r) => r.json()); // expect-none
  return json({ order });
}

export async function action({ params }: ActionFunctionArgs) {
  sendReceipt(params.orderId!).then((receipt) => console.log('receipt', receipt.id)); // expect: fn/no-floating-background-promise
  await trackView(`/orders/${params.orderId}/paid`, null); // expect-none
  return json({ ok: true });
}

export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  fetch('/api/telemetry', { method: 'POST', body: 'order-view' }); // expect-none
  return serverLoader();
}

export default function OrderPage() {
  const { order } = useLoaderData<typeof loader>();
  return <pre>{JSON.stringify(order, null, 2)}</pre>;
}
