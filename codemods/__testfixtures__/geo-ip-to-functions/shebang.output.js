#!/usr/bin/env node
const { ipAddress } = require('@vercel/functions');

const x = 1;
module.exports = (req) => ipAddress(req);
