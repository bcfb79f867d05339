const { getVercelOidcToken } = require('@vercel/oidc');
const oidc = require('@vercel/oidc');

function header() {
  return 'Bearer ' + getVercelOidcToken();
}

module.exports = { header, direct: () => `${require('@vercel/oidc').getVercelOidcToken()}`, ns: () => oidc.getVercelOidcToken().length };
