export { geolocation } from '@vercel/functions';
export { REGION_HEADER_NAME } from '@vercel/functions/headers';
