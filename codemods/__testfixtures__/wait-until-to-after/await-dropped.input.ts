import { waitUntil } from '@vercel/functions';

async function sync(id: string): Promise<void> {
  await fetch(`https://example.com/sync/${id}`, { method: 'POST' });
}

export async function POST(request: Request) {
  const { id } = (await request.json()) as { id: string };
  // Awaiting it never waited for the task.
  await waitUntil(sync(id));
  void await waitUntil(sync('void'));
  (await waitUntil(sync('a')), await waitUntil(sync('b')));
  return Response.json({ ok: true });
}
