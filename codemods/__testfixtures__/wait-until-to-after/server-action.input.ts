'use server';
import { waitUntil } from '@vercel/functions';
import { db } from './db';

export async function save(data: FormData) {
  await db.insert(data);
  waitUntil(db.flush());
}
