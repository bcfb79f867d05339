const { getEnv, waitUntil: wu } = require("@vercel/functions");

exports.GET = async function GET() {
  wu(Promise.resolve(getEnv().VERCEL_ENV));
  return new Response("ok");
};
