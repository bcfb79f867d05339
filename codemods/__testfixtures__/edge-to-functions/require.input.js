const { ipAddress, IP_HEADER_NAME: IP } = require('@vercel/edge');

module.exports = (req) => ipAddress(req) ?? req.headers.get(IP);
