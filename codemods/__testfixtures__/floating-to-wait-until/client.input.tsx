'use client';

export default function Button() {
  return <button onClick={() => fetch('/api/click')}>Click</button>;
}

export async function GET() {
  fetch('/api/never');
}
