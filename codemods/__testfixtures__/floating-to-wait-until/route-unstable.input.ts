export async function GET() {
  Promise.all([fetch('https://a.example.com'), fetch('https://b.example.com')]);
  return new Response('ok');
}
