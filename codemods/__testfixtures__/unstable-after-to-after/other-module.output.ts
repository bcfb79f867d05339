import { after } from 'next/server.js';
import { unstable_after as later } from './my-next-server';

export function schedule() {
  later(() => {});
  return after;
}
