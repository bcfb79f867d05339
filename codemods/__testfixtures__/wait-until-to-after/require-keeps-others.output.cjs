const { getEnv } = require("@vercel/functions");
const { after } = require("next/server");

exports.GET = async function GET() {
  after(Promise.resolve(getEnv().VERCEL_ENV));
  return new Response("ok");
};
