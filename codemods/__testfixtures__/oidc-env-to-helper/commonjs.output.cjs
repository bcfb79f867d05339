const https = require("node:https");
const { getVercelOidcToken } = require("@vercel/oidc");

module.exports = async function handler(req, res) {
  https.get("https://api.example.com", { headers: { authorization: await getVercelOidcToken() } });
  res.end();
};
