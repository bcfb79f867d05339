'use server';
import { db } from './db';
import { after } from 'next/server';

export async function save(data: FormData) {
  await db.insert(data);
  after(db.flush());
}
