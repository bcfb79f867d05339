export default async function Page() {
  const res = await fetch('https://api.example.com', {
    headers: { authorization: process.env.VERCEL_OIDC_TOKEN! },
  });
  return <pre data-size={process.env.VERCEL_OIDC_TOKEN?.length}>{await res.text()}</pre>;
}
