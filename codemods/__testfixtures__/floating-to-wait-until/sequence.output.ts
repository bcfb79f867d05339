import { after } from 'next/server';

let sent = 0;

async function track(event: string): Promise<void> {
  await fetch(`https://example.com/track/${event}`);
}

export async function POST() {
  (track('a'), track('b'));
  after((sent++, track('c')));
  after((sent++, track('d')));
  return new Response(String(sent));
}
