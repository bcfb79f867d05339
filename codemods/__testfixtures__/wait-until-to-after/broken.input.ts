import { waitUntil } from '@vercel/functions';

export async function GET() {
  waitUntil(Promise.resolve();
}
