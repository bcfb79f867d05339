const https = require("node:https");

module.exports = async function handler(req, res) {
  https.get("https://api.example.com", { headers: { authorization: process.env.VERCEL_OIDC_TOKEN } });
  res.end();
};
