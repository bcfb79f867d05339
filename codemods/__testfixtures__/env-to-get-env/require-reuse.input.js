const { getEnv: readEnv } = require('@fn-kit/functions');

module.exports = () => [readEnv(), process.env.VERCEL_REGION];
