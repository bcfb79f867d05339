'use server';

export async function deployedAt(): Promise<string | undefined> {
  return process.env.VERCEL_DEPLOYMENT_ID;
}
