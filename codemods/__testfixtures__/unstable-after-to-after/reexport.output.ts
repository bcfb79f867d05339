export { after as unstable_after } from 'next/server';
export { after as later } from 'next/server';
