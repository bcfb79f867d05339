'use client';

export const Badge = () => <span>{process.env.VERCEL_ENV}</span>;
