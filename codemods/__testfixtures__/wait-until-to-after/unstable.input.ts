import { waitUntil } from '@vercel/functions';

export function middleware() {
  waitUntil(Promise.resolve());
}
