import { getVercelOidcToken } from '@vercel/oidc';

export default async function Page(): Promise<JSX.Element> {
  const t = await getVercelOidcToken() as unknown as string;
  return (
    <p title={t}>
      {await getVercelOidcToken()}
    </p>
  );
}
