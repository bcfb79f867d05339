import { withAuth } from './auth';

async function record(body: string) {
  await fetch('https://example.com/record', { method: 'POST', body });
}

const handler = withAuth(async (req: Request) => {
  record(await req.text());
  return new Response('ok');
});

export { handler as PUT };
