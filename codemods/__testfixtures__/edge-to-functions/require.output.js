const { ipAddress } = require('@vercel/functions');
const { IP_HEADER_NAME: IP } = require('@vercel/functions/headers');

module.exports = (req) => ipAddress(req) ?? req.headers.get(IP);
