import * as fns from '@vercel/functions';
import { after } from 'next/server';

export async function GET() {
  after(Promise.resolve(fns.getEnv().VERCEL_REGION));
  return new Response('ok');
}
