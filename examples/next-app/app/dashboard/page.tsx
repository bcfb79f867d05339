// Planted misuse for fn/valid-after: a Server Component reads cookies() inside its after()
// callback (Next.js throws there); read it before after() instead. It also still imports
// `unstable_after`, which next/server no longer exports from Next.js 15.1 on.
import { unstable_after as after } from 'next/server';
import { cookies } from 'next/headers';

export default async function Dashboard() {
  after(async () => {
    const store = await cookies();
    console.log('dashboard viewed by', store.get('session')?.value ?? 'anonymous');
  });
  return <main>Dashboard</main>;
}
