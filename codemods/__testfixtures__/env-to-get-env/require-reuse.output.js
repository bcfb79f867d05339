const { getEnv: readEnv } = require('@fn-kit/functions');

module.exports = () => [readEnv(), readEnv().VERCEL_REGION];
