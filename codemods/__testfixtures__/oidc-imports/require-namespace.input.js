const oidc = require("@vercel/functions/oidc");
const direct = require("@vercel/functions/oidc").getVercelOidcTokenSync;

exports.provider = oidc.awsCredentialsProvider({ roleArn: process.env.ROLE });
exports.direct = direct;
