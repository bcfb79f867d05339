import { getVercelOidcToken } from '@vercel/oidc';

export default async function Page() {
  const res = await fetch('https://api.example.com', {
    headers: { authorization: await getVercelOidcToken() },
  });
  return <pre data-size={(await getVercelOidcToken())?.length}>{await res.text()}</pre>;
}
