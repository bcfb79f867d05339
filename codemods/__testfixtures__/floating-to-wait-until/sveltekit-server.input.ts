export const POST = async ({ request }) => {
  fetch('https://example.com/log', { method: 'POST', body: await request.text() });
  return new Response('ok');
};
