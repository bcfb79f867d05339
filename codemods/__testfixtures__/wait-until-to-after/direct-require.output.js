const { after } = require('next/server');

exports.POST = async function POST() {
  after(Promise.resolve());
  return new Response('ok');
};
