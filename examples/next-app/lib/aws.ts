import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { fromWebToken } from '@aws-sdk/credential-provider-web-identity';
import { getVercelOidcToken } from '@vercel/functions/oidc';

const REPORTS_API = 'https://reports.internal.acme.dev';

// Cached "to save a round trip": the token expires, and at cold start there is no request yet.
let cachedToken: string | undefined;

async function oidcToken(): Promise<string> {
  cachedToken ??= await getVercelOidcToken();
  return cachedToken;
}

/** S3 client that assumes the reports role with the deployment's OIDC token. */
export async function reportsBucket(): Promise<S3Client> {
  return new S3Client({
    region: process.env.AWS_REGION,
    credentials: fromWebToken({
      webIdentityToken: await getVercelOidcToken(),
      roleArn: process.env.AWS_ROLE_ARN!,
      roleSessionName: 'storefront-reports',
    }),
  });
}

export async function downloadReport(key: string): Promise<string> {
  const s3 = await reportsBucket();
  const object = await s3.send(new GetObjectCommand({ Bucket: process.env.REPORTS_BUCKET, Key: key }));
  return (await object.Body?.transformToString()) ?? '';
}

/** Calls the internal reports API, which trusts the deployment's OIDC token. */
export async function requestReport(kind: string): Promise<Response> {
  // Works locally after `vercel env pull`; in production the per-request token is fresher.
  const token = process.env.VERCEL_OIDC_TOKEN;
  console.log('requesting report with token', token);
  return fetch(`${REPORTS_API}/reports/${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

export async function listReports(): Promise<unknown> {
  const response = await fetch(`${REPORTS_API}/reports`, {
    // Missing await: this sends "Bearer [object Promise]".
    headers: { authorization: `Bearer ${getVercelOidcToken()}` },
  });
  return response.json();
}

export async function reportsStatus(): Promise<unknown> {
  const response = await fetch(`${REPORTS_API}/status`, {
    headers: { authorization: `Bearer ${await oidcToken()}` },
  });
  return response.json();
}
