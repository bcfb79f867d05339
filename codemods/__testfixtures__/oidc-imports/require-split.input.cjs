'use strict';
const { getVercelOidcToken, awsCredentialsProvider } = require('@vercel/functions/oidc');

module.exports = { getVercelOidcToken, awsCredentialsProvider };
