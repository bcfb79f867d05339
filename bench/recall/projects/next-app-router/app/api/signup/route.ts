import { sendWelcome } from '@/lib/email';

const attempts = new Map<string, number>();

export async function POST(request: Request) {
  const { email } = (await request.json()) as { email: string };
  const seen = attempts.get(email) ?? 0; // expect-none
  attempts.set(email, seen + 1); // expect-none

  sendWelcome(email).catch(console.error); // expect: fn/no-floating-background-promise
  return Response.json({ ok: true }, { status: 201 });
}
