const { VERCEL_ENV, DATABASE_URL } = process.env;
const { CI, ...rest } = process.env;

export { VERCEL_ENV, DATABASE_URL, CI, rest };
