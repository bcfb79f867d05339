'use server';

import { revalidatePath } from 'next/cache';

export async function publish(): Promise<string | undefined> {
  revalidatePath('/');
  return process.env.VERCEL_ENV;
}
