const path = require("node:path");

module.exports = function target() {
  return path.join(process.env.VERCEL_URL, "x");
};
