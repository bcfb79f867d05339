import { db } from './db';

function maybe(flag: boolean) {
  if (flag) return fetch('https://example.com');
  return null;
}

let reassigned = async () => {};
reassigned = () => {};

export async function POST(request: Request) {
  await fetch('https://example.com/awaited');
  db.insert({ url: request.url });
  maybe(true);
  reassigned();
  const fetch2 = (u: string) => u;
  fetch2('x');
  [1, 2].forEach(() => {
    fetch('https://example.com/in-callback');
  });
  request.signal.aborted ? fetch('https://a.example.com') : null;
  return fetch('https://example.com/returned');
}

export function helper() {
  fetch('https://example.com/not-a-handler');
}
