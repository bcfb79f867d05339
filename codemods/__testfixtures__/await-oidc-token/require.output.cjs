const oidc = require('@vercel/oidc');

function header() {
  return 'Bearer ' + oidc.getVercelOidcTokenSync();
}

module.exports = { header, direct: () => `${require('@vercel/oidc').getVercelOidcTokenSync()}`, ns: () => oidc.getVercelOidcTokenSync().length };
