const https = require('node:https');

async function ping() {
  https.get('https://example.com');
}

module.exports = function handler(req, res) {
  ping();
  res.end('ok');
};
