// The app's one import site for background work.
export { waitUntil } from '@vercel/functions';
