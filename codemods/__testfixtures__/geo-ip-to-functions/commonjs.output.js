const { ipAddress } = require('@vercel/functions');

module.exports = function handler(req, res) {
  res.end(ipAddress(req));
};
