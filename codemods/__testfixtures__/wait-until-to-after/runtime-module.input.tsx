import { waitUntil } from '@acme/platform';

export default async function Page() {
  waitUntil(Promise.resolve());
  return <main>hi</main>;
}
