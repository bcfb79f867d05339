'use server';

import { getEnv } from '@vercel/functions';

export async function deployedAt(): Promise<string | undefined> {
  return getEnv().VERCEL_DEPLOYMENT_ID;
}
