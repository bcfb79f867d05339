import { getVercelOidcToken } from '@vercel/oidc';

export default async function Page(): Promise<JSX.Element> {
  const t = getVercelOidcToken() as unknown as string;
  return (
    <p title={t}>
      {getVercelOidcToken()}
    </p>
  );
}
