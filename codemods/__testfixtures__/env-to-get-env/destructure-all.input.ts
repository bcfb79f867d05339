const { VERCEL_ENV, VERCEL_URL: url = 'localhost' } = process.env;

export { VERCEL_ENV, url };
