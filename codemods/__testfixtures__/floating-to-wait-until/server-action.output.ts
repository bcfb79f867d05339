'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';

async function audit(id: string) {
  await fetch(`https://audit.example.com/${id}`);
}

export async function save(id: string) {
  revalidatePath('/');
  if (id) {
    after(audit(id));
  }
}
