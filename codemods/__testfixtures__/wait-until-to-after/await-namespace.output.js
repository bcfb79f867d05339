'use server';
import { after } from 'next/server';

export async function save(data) {
  after(fetch('https://example.com/save', { method: 'POST', body: data }));
  after(Promise.resolve(data));
}
