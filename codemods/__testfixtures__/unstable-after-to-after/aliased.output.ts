import { after } from 'next/server';

export default async function Page() {
  after(() => console.log('rendered'));
  return null;
}
