export async function GET(request: Request) {
  const fetch = (u: string) => u.length;
  fetch(request.url);
  return new Response('ok');
}
