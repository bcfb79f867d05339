'use server';

import { revalidatePath } from 'next/cache';

export async function subscribe(formData: FormData): Promise<{ ok: boolean }> {
  const email = String(formData.get('email') ?? '').trim();
  if (!email.includes('@')) return { ok: false };

  const saved = await fetch(`${process.env.ORDERS_API_URL}/newsletter`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });

  // Welcome mail "in the background": the action returns and the request may end first.
  fetch(`${process.env.EMAIL_API_URL}/welcome`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });

  revalidatePath('/');
  return { ok: saved.ok };
}
