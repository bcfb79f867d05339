import { after } from 'next/server';

export default async function Page() {
  after(Promise.resolve());
  return <main>hi</main>;
}
