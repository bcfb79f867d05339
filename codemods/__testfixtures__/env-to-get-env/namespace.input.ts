import * as fns from '@vercel/functions';

export function deploymentId(): string | undefined {
  return process.env.VERCEL_DEPLOYMENT_ID;
}
