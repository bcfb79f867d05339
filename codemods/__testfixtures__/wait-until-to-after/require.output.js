const { after } = require('next/server');

async function GET() {
  after(Promise.resolve());
  return new Response('ok');
}

module.exports = { GET };
