import { after } from 'next/server';

async function sync(id: string): Promise<void> {
  await fetch(`https://example.com/sync/${id}`, { method: 'POST' });
}

export async function POST(request: Request) {
  const { id } = (await request.json()) as { id: string };
  // Awaiting it never waited for the task.
  after(sync(id));
  void after(sync('void'));
  (after(sync('a')), after(sync('b')));
  return Response.json({ ok: true });
}
