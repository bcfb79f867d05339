import { unstable_after } from 'next/server';

export async function GET( {
  unstable_after(() => {});
