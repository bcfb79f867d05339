import { waitUntil } from '@vercel/functions';

export default function handler() {
  waitUntil(Promise.resolve());
}
