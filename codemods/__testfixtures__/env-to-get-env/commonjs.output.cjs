const path = require("node:path");
const { getEnv } = require("@vercel/functions");

module.exports = function target() {
  return path.join(getEnv().VERCEL_URL, "x");
};
