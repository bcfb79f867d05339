import { db } from '@/lib/db';
import { after } from 'next/server';

async function notify(id: string) {
  await fetch(`https://hooks.example.com/${id}`, { method: 'POST' });
}

export default function Page() {
  async function create(form: FormData) {
    'use server';
    const id = String(form.get('id'));
    await db.save(id);
    after(notify(
      id,
    ));
  }
  notify('render');
  return <form action={create} />;
}
