const https = require('node:https');
const { waitUntil } = require('@vercel/functions');

async function ping() {
  https.get('https://example.com');
}

module.exports = function handler(req, res) {
  waitUntil(ping());
  res.end('ok');
};
