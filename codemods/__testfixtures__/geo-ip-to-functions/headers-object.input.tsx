import { headers } from 'next/headers';

export default async function Page() {
  const h = await headers();
  return <p>{h.get('x-vercel-ip-country')} {h.get('x-real-ip')}</p>;
}
