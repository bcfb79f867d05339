// Planted misuse for fn/valid-after: a Server Component reads cookies() inside its after()
// callback (Next.js throws there); read it before after() instead.
import { after } from 'next/server';
import { cookies } from 'next/headers';

export default async function Dashboard() {
  after(async () => {
    const store = await cookies();
    console.log('dashboard viewed by', store.get('session')?.value ?? 'anonymous');
  });
  return <main>Dashboard</main>;
}
