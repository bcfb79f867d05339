exports.POST = async function POST() {
  require('@vercel/functions').waitUntil(Promise.resolve());
  return new Response('ok');
};
