module.exports = { env: { URL: process.env.VERCEL_URL } };
