const oidc = require("@vercel/oidc-aws-credentials-provider");
const direct = require("@vercel/oidc").getVercelOidcTokenSync;

exports.provider = oidc.awsCredentialsProvider({ roleArn: process.env.ROLE });
exports.direct = direct;
