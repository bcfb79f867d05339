const { fromWebToken } = require('@aws-sdk/credential-provider-web-identity');
const { getVercelOidcTokenSync } = require('@vercel/oidc');

exports.credentials = (roleArn) => fromWebToken({ roleArn, webIdentityToken: getVercelOidcTokenSync() });
