import { unstable_after as after } from 'next/server';

export function middleware() {
  after(Promise.resolve());
}
