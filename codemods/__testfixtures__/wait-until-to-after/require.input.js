const { waitUntil } = require('@vercel/functions');

async function GET() {
  waitUntil(Promise.resolve());
  return new Response('ok');
}

module.exports = { GET };
