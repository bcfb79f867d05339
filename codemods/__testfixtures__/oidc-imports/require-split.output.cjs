'use strict';
const { getVercelOidcToken } = require('@vercel/oidc');
const { awsCredentialsProvider } = require('@vercel/oidc-aws-credentials-provider');

module.exports = { getVercelOidcToken, awsCredentialsProvider };
