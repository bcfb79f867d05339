import { headers } from 'next/headers';
import { geolocation, ipAddress } from '@vercel/functions';

export default async function Page() {
  const h = await headers();
  return <p>{geolocation({ headers: h }).country} {ipAddress(h)}</p>;
}
