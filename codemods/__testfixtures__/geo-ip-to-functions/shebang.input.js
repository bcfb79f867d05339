#!/usr/bin/env node
const x = 1;
module.exports = (req) => req.headers.get('x-real-ip');
