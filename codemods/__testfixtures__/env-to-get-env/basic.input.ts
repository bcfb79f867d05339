export const isProd = process.env.VERCEL_ENV === 'production';
