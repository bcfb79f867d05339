'use server';

import { revalidatePath } from 'next/cache';
import { getEnv } from '@vercel/functions';

export async function publish(): Promise<string | undefined> {
  revalidatePath('/');
  return getEnv().VERCEL_ENV;
}
