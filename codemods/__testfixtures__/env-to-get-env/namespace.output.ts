import * as fns from '@vercel/functions';

export function deploymentId(): string | undefined {
  return fns.getEnv().VERCEL_DEPLOYMENT_ID;
}
