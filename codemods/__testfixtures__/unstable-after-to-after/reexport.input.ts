export { unstable_after } from 'next/server';
export { unstable_after as later } from 'next/server';
