export { geolocation, REGION_HEADER_NAME } from '@vercel/edge';
